// A progress bar on stderr for long runs on a terminal: nothing for the first second (most runs
// finish sooner and a flash of bar is noise), then files done, total and elapsed time, redrawn
// at most ten times a second. Never drawn when stderr is not a terminal (CI logs, pipes).

export interface ProgressBar {
  update(done: number, total: number): void;
  /** Erase the bar so results print on a clean line. */
  clear(): void;
}

export function progressBar(write: (s: string) => void, columns: number, now: () => number = () => performance.now(), delay = 1000): ProgressBar {
  const start = now();
  let last = -Infinity;
  let shown = false;
  return {
    update(done, total) {
      const t = now();
      if (t - start < delay || (t - last < 100 && done < total)) return;
      last = t;
      shown = true;
      write(`\r${progressLine(done, total, t - start, columns)}`);
    },
    clear() {
      if (shown) write(`\r${' '.repeat(Math.max(0, columns - 1))}\r`);
      shown = false;
    },
  };
}

/** "[████████░░░░░░░░] 412/1,000 portfolios · 3.2 s", fitted to the terminal's width. */
export function progressLine(done: number, total: number, ms: number, columns: number): string {
  const n = (x: number) => x.toLocaleString('en-GB');
  const tail = ` ${n(done)}/${n(total)} portfolios · ${(ms / 1000).toFixed(1)} s`;
  const width = Math.max(10, Math.min(40, columns - tail.length - 3));
  const filled = total === 0 ? width : Math.round((done / total) * width);
  return `[${'█'.repeat(filled)}${'░'.repeat(width - filled)}]${tail}`;
}
