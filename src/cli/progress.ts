import cliProgress from 'cli-progress';
import type { CliIo } from './io.js';

/** A progress bar on a terminal (cli-progress); silent when output is not a terminal or JSON. */
export interface Progress {
  update(done: number, total: number, label?: string): void;
  stop(): void;
}

export function createProgress(io: CliIo, enabled: boolean, unit: string): Progress {
  if (!enabled || !io.isTty) return { update: () => undefined, stop: () => undefined };
  const bar = new cliProgress.SingleBar(
    {
      format: `{bar} {percentage}% | {value}/{total} ${unit} | {label}`,
      stream: process.stderr,
      hideCursor: true,
      clearOnComplete: false,
      etaBuffer: 50,
    },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    update(done, total, label = '') {
      if (!started) {
        bar.start(Math.max(total, 1), done, { label });
        started = true;
      }
      bar.setTotal(Math.max(total, 1));
      bar.update(done, { label: label.length > 40 ? `…${label.slice(-39)}` : label });
    },
    stop() {
      if (started) bar.stop();
    },
  };
}
