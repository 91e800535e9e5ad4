/** Runs a command-line entry point: Ctrl-C aborts cleanly, known errors print one plain line, exit codes are set. */
import { watchLaunchers } from './launcher-watch.js';

/**
 * Runs `main` with an AbortSignal that fires on SIGINT/SIGTERM, or when the npm/tsx process that launched it dies. Errors print as `error: message` (no stack trace
 * unless DEBUG is set) and exit with code 1; an interrupt exits with 130. A command that finished exits within 10 s even if a
 * library left a handle open, unless it `keepsRunning` (a server).
 */
export async function runCli(main: (signal: AbortSignal) => Promise<void>, options: { keepsRunning?: boolean } = {}): Promise<void> {
  const controller = new AbortController();
  const interrupt = () => {
    if (controller.signal.aborted) process.exit(130);
    process.stderr.write('\ninterrupted: stopping (the previous index is left as it was)\n');
    controller.abort();
  };
  process.once('SIGINT', interrupt);
  process.once('SIGTERM', interrupt);
  // npm killed on its own (kill -9) sends no signal here: stop rather than run on as an orphan.
  const stopWatching = watchLaunchers((pid) => {
    process.stderr.write(`\nlauncher process ${pid} is gone: stopping (the previous index is left as it was)\n`);
    controller.abort();
    setTimeout(() => process.exit(130), 5000).unref();
  });
  try {
    await main(controller.signal);
    // A command (not a server, which `keepsRunning`) is done: a handle some library left open must not hold it forever.
    if (!options.keepsRunning) {
      setTimeout(() => {
        process.stderr.write('note: finished, but something still held the process open after 10 s; exiting\n');
        process.exit(process.exitCode ?? 0);
      }, 10_000).unref();
    }
  } catch (error) {
    if (controller.signal.aborted) process.exit(130);
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`error: ${message}\n`);
    if (process.env.DEBUG && error instanceof Error) process.stderr.write(`${error.stack}\n`);
    process.exit(1);
  } finally {
    stopWatching();
    process.off('SIGINT', interrupt);
    process.off('SIGTERM', interrupt);
  }
}
