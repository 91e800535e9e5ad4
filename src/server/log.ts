/** The default log sink: one JSON line per entry on stdout, with a timestamp. */
import type { LogFn } from './deps.js';

/**
 * Writes `{"time": …, ...entry}` as one line.
 * @example jsonLineLog({ level: 'info', msg: 'listening', port: 3000 });
 */
export const jsonLineLog: LogFn = (entry) => {
  console.log(JSON.stringify({ time: new Date().toISOString(), ...entry }));
};
