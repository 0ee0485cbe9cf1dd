/**
 * Terminal progress: a self-rewriting line on a TTY, a line every 10% otherwise (CI logs, pipes).
 * Writes to stderr so that `--json` output on stdout stays clean.
 */
export function progressBar(label: string, stream: NodeJS.WriteStream = process.stderr): (done: number, total: number) => void {
  let lastTenth = -1;
  let lastDraw = 0;
  return (done, total) => {
    if (total <= 0) return;
    const frac = Math.min(1, done / total);
    if (stream.isTTY) {
      const now = Date.now();
      if (done < total && now - lastDraw < 100) return;
      lastDraw = now;
      const width = 30;
      const filled = Math.round(frac * width);
      stream.write(`\r${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}`);
      if (done >= total) stream.write('\n');
    } else {
      const tenth = Math.floor(frac * 10);
      if (tenth === lastTenth) return;
      lastTenth = tenth;
      stream.write(`${label}: ${done}/${total}\n`);
    }
  };
}
