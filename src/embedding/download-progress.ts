/** Shows transformers.js file progress while a model downloads: one bar per file on a terminal, one line per finished file otherwise. */
import cliProgress from 'cli-progress';
import type { ModelProgress } from './model-progress.js';

export interface DownloadProgressDisplay {
  onProgress(event: ModelProgress): void;
  /** Ends the bars; call once, whether the download worked or not. */
  stop(): void;
}

const megabytes = (bytes: number) => `${(bytes / 1_048_576).toFixed(1)} MB`;

/**
 * @example const display = createDownloadProgress(process.stderr); await downloadModel(config, display.onProgress); display.stop();
 */
export function createDownloadProgress(stream: NodeJS.WriteStream = process.stderr): DownloadProgressDisplay {
  if (!stream.isTTY) {
    const sizes = new Map<string, number>();
    const quarters = new Map<string, number>();
    return {
      onProgress(event) {
        if (!event.file) return;
        if (event.status === 'retry') stream.write(`  ${event.file}: connection lost, trying again\n`);
        if (event.status === 'progress' && event.total) {
          sizes.set(event.file, event.total);
          // A line per quarter of a large file, so a log shows the download moving.
          const quarter = Math.floor((event.progress ?? 0) / 25);
          if (event.total > 10_000_000 && quarter > (quarters.get(event.file) ?? 0) && quarter < 4) {
            quarters.set(event.file, quarter);
            stream.write(`  ${event.file}: ${quarter * 25}% of ${megabytes(event.total)}\n`);
          }
        }
        if (event.status === 'done') {
          const size = sizes.get(event.file);
          stream.write(`  ${event.file}${size ? ` (${megabytes(size)})` : ''}\n`);
        }
      },
      stop() {},
    };
  }

  const bars = new cliProgress.MultiBar(
    { stream, format: '  {bar} {percentage}% | {file} | {size}', hideCursor: true, clearOnComplete: false },
    cliProgress.Presets.shades_classic,
  );
  const byFile = new Map<string, cliProgress.SingleBar>();
  return {
    onProgress(event) {
      if (!event.file) return;
      let bar = byFile.get(event.file);
      if (!bar) {
        bar = bars.create(100, 0, { file: event.file, size: '' });
        byFile.set(event.file, bar);
      }
      if (event.status === 'progress') {
        bar.update(Math.round(event.progress ?? 0), { file: event.file, size: event.total ? megabytes(event.total) : '' });
      } else if (event.status === 'done') {
        bar.update(100, { file: event.file });
      }
    },
    stop() {
      bars.stop();
    },
  };
}
