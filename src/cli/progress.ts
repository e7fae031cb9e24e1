/** A one-line progress display on stderr, shown only on a TTY and only once work takes > 1 s. */
export class ProgressLine {
  private started = Date.now();
  private last = 0;
  private shown = false;
  constructor(private readonly enabled: boolean, private readonly stream: NodeJS.WriteStream = process.stderr) {}

  update(text: string): void {
    if (!this.enabled) return;
    const now = Date.now();
    if (now - this.started < 1000 || now - this.last < 100) return;
    this.last = now;
    this.shown = true;
    const width = this.width();
    this.stream.write('\r' + (text.length > width ? text.slice(0, width - 1) + '…' : text.padEnd(width)));
  }

  /** Usable columns; a terminal that reports 0 columns (some pseudo-terminals) counts as 100. */
  private width(): number {
    return Math.max(20, (this.stream.columns || 100) - 1);
  }

  done(): void {
    if (this.shown) this.stream.write('\r' + ' '.repeat(this.width()) + '\r');
    this.shown = false;
  }
}

export function bytesProgress(read: number, total: number, entry: string): string {
  const pct = total ? Math.min(100, Math.floor((read / total) * 100)) : 0;
  return `reading ${pct}% (${(read / 1048576).toFixed(1)} of ${(total / 1048576).toFixed(1)} MiB) ${entry}`;
}
