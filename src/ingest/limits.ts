/** Limits that make hostile bundles fail cleanly instead of exhausting the machine. */

export interface Limits {
  /** Maximum number of entries (files) across all nesting levels. */
  maxEntries: number;
  /** Maximum bytes produced by decompression across the whole bundle. */
  maxInflatedBytes: number;
  /** Maximum nesting depth of archives inside archives (the bundle itself is depth 0). */
  maxDepth: number;
  /** Longest physical line kept; longer lines are cut and reported. */
  maxLineBytes: number;
  /** A zip nested inside another archive is read from memory: its compressed size is capped. */
  maxNestedZipBytes: number;
}

export const DEFAULT_LIMITS: Limits = {
  maxEntries: 50_000,
  maxInflatedBytes: 4 * 1024 ** 3,
  maxDepth: 4,
  maxLineBytes: 1024 * 1024,
  maxNestedZipBytes: 256 * 1024 ** 2,
};

/** Thrown when a limit is hit; `entry` names where. The bundle's reading stops there. */
export class LimitError extends Error {
  constructor(readonly limit: keyof Limits, readonly entry: string, detail: string) {
    super(`${entry}: ${detail} (limit ${limit}; raise it with ${optionName(limit)})`);
    this.name = 'LimitError';
  }
}

export function optionName(limit: keyof Limits): string {
  return '--' + limit.replace(/[A-Z]/g, (c) => '-' + c.toLowerCase());
}

/** Parses sizes like 512k, 64m, 2g, or a plain number. */
export function parseSize(text: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*([kmgt]?)i?b?$/i.exec(text.trim());
  if (!m) throw new Error(`not a size: ${text}`);
  const mult: Record<string, number> = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3, t: 1024 ** 4 };
  return Math.floor(Number(m[1]) * mult[m[2]!.toLowerCase()]!);
}
