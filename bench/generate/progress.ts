/**
 * A progress line on stderr: redrawn in place with `\r` on a terminal, otherwise a plain line at
 * most every few seconds (and at each new phase), so CI logs stay short.
 */
export type OnProgress = (done: number, total: number, phase: string) => void;

export function progressBar(stream: NodeJS.WriteStream = process.stderr): OnProgress & { end(): void } {
  const tty = stream.isTTY;
  const started = Date.now();
  let lastPhase = '';
  let lastLine = 0;
  let drawn = false;
  const fn = (done: number, total: number, phase: string) => {
    const now = Date.now();
    const fraction = total > 0 ? Math.min(1, done / total) : 1;
    const pct = `${(fraction * 100).toFixed(0).padStart(3)}%`;
    const secs = `${((now - started) / 1000).toFixed(1)} s`;
    const rows = `${done.toLocaleString('en-US')} / ${total.toLocaleString('en-US')} rows`;
    if (tty) {
      const width = 28;
      const filled = Math.round(fraction * width);
      const bar = `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}]`;
      const line = `${phase.padEnd(22).slice(0, 22)} ${bar} ${pct}  ${rows}  ${secs}`;
      stream.write(`\r${line}\x1b[K`);
      drawn = true;
    } else if (phase !== lastPhase || now - lastLine >= 5000 || done >= total) {
      stream.write(`${phase}: ${pct} (${rows}, ${secs})\n`);
      lastLine = now;
    }
    lastPhase = phase;
  };
  return Object.assign(fn, {
    end() {
      if (tty && drawn) stream.write('\n');
    },
  });
}
