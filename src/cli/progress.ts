/**
 * A one-line progress display on stderr, shown only on a TTY and only once work takes longer than
 * `delayMs`. `clear()` and `redraw()` let data written to the same terminal never share its line.
 */
export class ProgressLine {
  private started = Date.now();
  private last = 0;
  private shown = false;
  private text = '';
  // AZLOG_PROGRESS_AFTER_MS: tests see the line without a bundle slow enough to earn it
  constructor(private readonly enabled: boolean, private readonly stream: NodeJS.WriteStream = process.stderr, private readonly delayMs = Number(process.env.AZLOG_PROGRESS_AFTER_MS ?? 1000)) {}

  update(text: string, force = false): void {
    if (!this.enabled) return;
    this.text = text;
    const now = Date.now();
    if (!force && (now - this.started < this.delayMs || now - this.last < 100)) return;
    this.last = now;
    this.draw();
  }

  private draw(): void {
    this.shown = true;
    const width = this.width();
    this.stream.write('\r' + (this.text.length > width ? this.text.slice(0, width - 1) + '…' : this.text.padEnd(width)));
  }

  /** Usable columns; a terminal that reports 0 columns (some pseudo-terminals) counts as 80. */
  private width(): number {
    return Math.max(20, (this.stream.columns || 80) - 1);
  }

  /** Erases the line (before other output on the same terminal); `redraw()` brings it back. */
  clear(): void {
    if (this.shown) this.stream.write('\r' + ' '.repeat(this.width()) + '\r');
  }

  redraw(): void {
    if (this.shown) this.draw();
  }

  done(): void {
    this.clear();
    this.shown = false;
  }
}

export function bytesProgress(read: number, total: number, entry: string): string {
  const pct = total ? Math.min(100, Math.floor((read / total) * 100)) : 0;
  return `reading ${pct}% (${(read / 1048576).toFixed(1)} of ${(total / 1048576).toFixed(1)} MiB) ${entry}`;
}
