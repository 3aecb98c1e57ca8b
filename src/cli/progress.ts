import type { CliOutput } from './io';

/** What a progress display is told as a batch runs. */
export interface Progress {
  /** One more record was written (`failed` when it was an error record), accounting for `bytes` of input. */
  record(failed: boolean, bytes: number): void;
  /** The batch is over: clear the bar and, when shown, print a one-line summary. */
  done(): void;
}

/** A progress display that shows nothing (stderr is not a terminal, or `--quiet`). */
export const silentProgress: Progress = { record() {}, done() {} };

const REDRAW_MS = 100;
const WIDTH = 24;

const count = (n: number) => n.toLocaleString('en-US');

function duration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '?';
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const rest = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${rest}` : `${m}:${rest}`;
}

/**
 * A one-line progress bar on a terminal: share done (by input bytes processed, when the input's size is
 * known: a file, not a pipe), lines,
 * rate and time left. Redrawn at most ten times a second, so it costs nothing measurable.
 */
export function terminalProgress(
  stream: CliOutput,
  label: string,
  totalBytes: number | undefined,
  now: () => number,
): Progress {
  const started = now();
  let lastDraw = Number.NEGATIVE_INFINITY;
  let bytes = 0;
  let records = 0;
  let failed = 0;

  const line = (final: boolean) => {
    const seconds = (now() - started) / 1000;
    const rate = seconds > 0 ? records / seconds : 0;
    const parts = [`${count(records)} lines`, `${count(Math.round(rate))}/s`];
    if (failed > 0) parts.push(`${count(failed)} failed`);
    if (final) return `${label}: ${parts.join(' · ')} in ${duration(seconds)}`;
    if (totalBytes !== undefined && totalBytes > 0) {
      const share = Math.min(1, bytes / totalBytes);
      const filled = Math.round(share * WIDTH);
      const eta = share > 0 ? (seconds / share) * (1 - share) : Number.POSITIVE_INFINITY;
      const bar = `${'█'.repeat(filled)}${'░'.repeat(WIDTH - filled)}`;
      return `${label} ${bar} ${String(Math.floor(share * 100)).padStart(3)}% · ${parts.join(' · ')} · ETA ${duration(eta)}`;
    }
    return `${label} ${parts.join(' · ')}`;
  };

  const draw = () => {
    const text = line(false);
    const width = stream.columns || 100; // 0 on a terminal that never said its size
    stream.write(`\r${text.length >= width ? text.slice(0, width - 1) : text}\u001b[K`);
  };

  return {
    record(isFailure, n) {
      bytes += n;
      records += 1;
      if (isFailure) failed += 1;
      const t = now();
      if (t - lastDraw >= REDRAW_MS) {
        lastDraw = t;
        draw();
      }
    },
    done() {
      stream.write(`\r\u001b[K${line(true)}\n`);
    },
  };
}
