/** Turns build events into terminal output: a progress bar on a TTY, only warnings and the summary otherwise. */
import cliProgress from 'cli-progress';
import { printableName } from '../corpus/corpus-file-safety.js';
import type { BuildEvent, BuildReport } from '../index/build-index.js';

export interface BuildReporter {
  onEvent(event: BuildEvent): void;
  finish(report: BuildReport): void;
  fail(): void;
}

/**
 * Creates a reporter writing to `stream` (default stderr). Progress is drawn only when the stream is a TTY, or as a
 * line per quarter with `progressLines`.
 * @example const reporter = createBuildReporter(); await buildIndex(config, { onEvent: reporter.onEvent });
 */
export function createBuildReporter(stream: NodeJS.WriteStream = process.stderr, options: { progressLines?: boolean } = {}): BuildReporter {
  const interactive = Boolean(stream.isTTY);
  let quartersShown = 0;
  let bar: cliProgress.SingleBar | undefined;
  const say = (line: string) => {
    if (bar) bar.stop();
    bar = undefined;
    stream.write(`${line}\n`);
  };

  function onEvent(event: BuildEvent): void {
    switch (event.type) {
      case 'warning':
        say(`warning: ${event.message}`);
        break;
      case 'files':
        if (interactive) say(`read ${event.files} files: ${event.paragraphs} paragraphs, ${event.chunks} chunks`);
        break;
      case 'stage':
        if (interactive && event.stage !== 'embed') say(`${event.stage}${event.detail ? `: ${event.detail}` : ''}`);
        break;
      case 'mode':
        if (event.retrieval === 'lexical') say(`lexical-only index: ${event.reason ?? ''}`);
        else if (interactive) say('hybrid index: dense (HNSW) + lexical (BM25)');
        break;
      case 'embed':
        if (!interactive) {
          // Long unattended runs (evaluations in CI) still show that embedding advances, a line per quarter.
          const quarter = Math.floor((event.done / Math.max(1, event.total)) * 4);
          if (options.progressLines && quarter > quartersShown) stream.write(`embedded ${event.done}/${event.total} chunks (${event.reused} cached)\n`);
          quartersShown = Math.max(quartersShown, quarter);
          break;
        }
        if (!bar) {
          bar = new cliProgress.SingleBar(
            { format: 'embed |{bar}| {value}/{total} chunks | {rate} chunks/s | ETA {eta_formatted} | {reused} cached', stream, hideCursor: true },
            cliProgress.Presets.shades_classic,
          );
          bar.start(event.total, event.done, { rate: '-', reused: event.reused });
          startedAt = performance.now();
          startedDone = event.done;
        }
        bar.update(event.done, { rate: rate(event.done), reused: event.reused });
        break;
    }
  }

  let startedAt = 0;
  let startedDone = 0;
  const rate = (done: number) => {
    const seconds = (performance.now() - startedAt) / 1000;
    return seconds > 0 ? ((done - startedDone) / seconds).toFixed(1) : '-';
  };

  function finish(report: BuildReport): void {
    const m = report.manifest;
    say(
      `index built: ${m.files.length} files, ${m.chunks} chunks, ${m.retrieval}` +
        (m.model ? ` (${m.model}, ${m.dimensions} dims; embedded ${report.embedded}, reused ${report.reused})` : '') +
        ` in ${(report.durationMs / 1000).toFixed(1)} s`,
    );
    if (report.skipped.length > 0) {
      say(`skipped ${report.skipped.length} file(s):\n${report.skipped.map((s) => `  ${printableName(s.file)}: ${s.reason}`).join('\n')}`);
    }
  }

  return { onEvent, finish, fail: () => bar?.stop() };
}
