/** Documented exit codes (README "Exit codes"). */
export const EXIT = {
  OK: 0,
  /** analyze/timeline: some input was skipped (limits hit, corrupt entries); the report is partial. */
  PARTIAL: 4,
  USAGE: 2,
  /** The bundle could not be read at all. */
  UNREADABLE: 3,
  /** queue and worker: Redis could not be reached, refused us, or was lost. */
  UNAVAILABLE: 69,
  INTERNAL: 70,
  /** batch: 100 + number of bundles that failed (capped at 199). */
  BATCH_FAILED_BASE: 100,
} as const;
