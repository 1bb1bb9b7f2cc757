// A progress bar on standard error for long jobs (synthetic stories, reindexing). On a terminal it
// redraws one line; otherwise it prints a line at every tenth, so logs stay readable.

export interface Progress {
  tick(done: number): void;
  finish(): void;
}

function formatCount(n: number): string {
  return n.toLocaleString('en-US');
}

export function createProgress(label: string, total: number, enabled = true, stream: NodeJS.WriteStream = process.stderr): Progress {
  const started = Date.now();
  const isTty = stream.isTTY === true;
  let lastDraw = 0;
  let lastTenth = -1;
  let done = 0;
  const line = () => {
    const fraction = total === 0 ? 1 : done / total;
    const seconds = (Date.now() - started) / 1000;
    const rate = seconds > 0 ? done / seconds : 0;
    const eta = rate > 0 ? Math.round((total - done) / rate) : 0;
    const width = 30;
    const filled = Math.round(fraction * width);
    return `${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${(fraction * 100).toFixed(0).padStart(3)}% ${formatCount(done)}/${formatCount(total)} ${formatCount(Math.round(rate))}/s ETA ${eta}s`;
  };
  return {
    tick(value) {
      done = value;
      if (!enabled) return;
      if (isTty) {
        const now = Date.now();
        if (now - lastDraw < 100 && done < total) return;
        lastDraw = now;
        stream.write(`\r${line()}`);
      } else {
        const tenth = Math.floor((done / Math.max(total, 1)) * 10);
        if (tenth !== lastTenth) {
          lastTenth = tenth;
          stream.write(`${line()}\n`);
        }
      }
    },
    finish() {
      if (!enabled) return;
      done = total;
      if (isTty) stream.write(`\r${line()}\n`);
      else if (lastTenth !== 10) stream.write(`${line()}\n`);
    },
  };
}
