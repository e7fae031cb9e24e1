/** Errors the command line turns into one `azlog:` line and an exit code; light, so it loads at start-up. */

export class UsageError extends Error {
  constructor(message: string) { super(message); this.name = 'UsageError'; }
}

/** Error that makes a whole bundle unreadable (nothing useful could be read). */
export class BundleError extends Error {
  constructor(message: string) { super(message); this.name = 'BundleError'; }
}

/** Redis could not be reached, refused us, or went away during a command (queue, worker). */
export class RedisUnavailableError extends Error {
  constructor(message: string) { super(message); this.name = 'RedisUnavailableError'; }
}
