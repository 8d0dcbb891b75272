/** A progress bar on stderr for long runs on a terminal; nothing when output is piped or machine-readable. */
import cliProgress from 'cli-progress';

export interface Progress {
  tick(): void;
  stop(): void;
}

const NONE: Progress = { tick() {}, stop() {} };

export function progress(total: number, label: string, enabled: boolean): Progress {
  if (!enabled || total < 20) return NONE;
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
