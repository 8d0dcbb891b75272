/** A progress bar on stderr for long runs on a terminal; nothing when output is piped or machine-readable. */
import { createRequire } from 'node:module';
import type cliProgressModule from 'cli-progress';

export interface Progress {
  tick(): void;
  stop(): void;
}

const NONE: Progress = { tick() {}, stop() {} };

export function progress(total: number, label: string, enabled: boolean): Progress {
  if (!enabled || total < 20) return NONE;
  // Loaded only for a bar that is shown: a piped run never pays for the module.
  const cliProgress = createRequire(import.meta.url)('cli-progress') as typeof cliProgressModule;
  const bar = new cliProgress.SingleBar(
    {
      format: `${label} [{bar}] {value}/{total} files  {duration_formatted}`,
      stream: process.stderr,
      hideCursor: true,
      clearOnComplete: true,
    },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0);
  return {
    tick: () => bar.increment(),
    stop: () => bar.stop(),
  };
}
