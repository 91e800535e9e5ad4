/** Runs a command-line entry point: Ctrl-C aborts cleanly, known errors print one plain line, exit codes are set. */

/**
 * Runs `main` with an AbortSignal that fires on SIGINT/SIGTERM. Errors print as `error: message` (no stack trace
 * unless DEBUG is set) and exit with code 1; an interrupt exits with 130.
 */
export async function runCli(main: (signal: AbortSignal) => Promise<void>): Promise<void> {
  const controller = new AbortController();
  const interrupt = () => {
    if (controller.signal.aborted) process.exit(130);
    process.stderr.write('\ninterrupted: stopping (the previous index is left as it was)\n');
    controller.abort();
  };
  process.once('SIGINT', interrupt);
  process.once('SIGTERM', interrupt);
  try {
    await main(controller.signal);
  } catch (error) {
    if (controller.signal.aborted) process.exit(130);
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`error: ${message}\n`);
    if (process.env.DEBUG && error instanceof Error) process.stderr.write(`${error.stack}\n`);
    process.exit(1);
  } finally {
    process.off('SIGINT', interrupt);
    process.off('SIGTERM', interrupt);
  }
}
