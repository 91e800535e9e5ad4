/** A labelled progress bar for long loops: cli-progress on a terminal, a line at each quarter otherwise. */
import cliProgress from 'cli-progress';

export interface Progress {
  update(done: number): void;
  stop(): void;
}

export type ProgressFactory = (label: string, total: number) => Progress;

/**
 * @example const progress = createProgress()('embed tatoeba kaz-eng', 1150); progress.update(500); progress.stop();
 */
export function createProgress(stream: NodeJS.WriteStream = process.stderr): ProgressFactory {
  return (label, total) => {
    if (stream.isTTY) {
      const bar = new cliProgress.SingleBar({ format: `${label} |{bar}| {value}/{total} | ETA {eta_formatted}`, stream, hideCursor: true }, cliProgress.Presets.shades_classic);
      bar.start(total, 0);
      return { update: (done) => bar.update(done), stop: () => bar.stop() };
    }
    const started = performance.now();
    let reported = 0;
    return {
      update(done) {
        const quarter = Math.floor((done / Math.max(1, total)) * 4);
        if (quarter > reported) {
          reported = quarter;
          stream.write(`${label}: ${done}/${total} (${((performance.now() - started) / 1000).toFixed(0)} s)\n`);
        }
      },
      stop() {},
    };
  };
}

/** A factory whose bars draw nothing (tests, quiet runs). */
export const noProgress: ProgressFactory = () => ({ update() {}, stop() {} });
