/** Re-exports for the redaction test: the line writer and the sample job time. */
export { JOB as JOB_TIME } from '../samples/scenarios.js';
import { g4 as g4Line } from '../samples/logs.js';

/** g4(ms, level, message) with ExtHandler thread and prefix, or g4(ms, level, prefix, message). */
export function g4(ms: number, level: string, a: string, b?: string): string {
  return b === undefined ? g4Line(ms, level, 'ExtHandler', 'ExtHandler', a) : g4Line(ms, level, 'ExtHandler', a, b);
}
