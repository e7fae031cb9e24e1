/** Limits that make hostile bundles fail cleanly instead of exhausting the machine. */
import type { Message } from '../model/types.js';
import { problem, problemText } from '../messages/problems.js';

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

/** Thrown when a limit is hit; `entry` names where. The bundle's reading stops there (maxDepth: only that archive). */
export class LimitError extends Error {
  /** What to tell the reader, in their language. */
  readonly problem: Message;
  constructor(readonly limit: Exclude<keyof Limits, 'maxLineBytes'>, readonly entry: string, max: number) {
    const p = problem('limit', entry, { detail: `problem.limit.${limit}`, max, limit, option: optionName(limit) });
    super(problemText(p));
    this.problem = p;
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
