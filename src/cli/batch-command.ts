import type { Command } from 'commander';
export function addBatchCommand(_program: Command): void { /* batch lands with issue #5 */ }
