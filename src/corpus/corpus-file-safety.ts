/** Which corpus files may be indexed and served: none whose real path leaves the corpus, none with an unservable name. */
import { realpath } from 'node:fs/promises';
import path from 'node:path';

// Names the source routes cannot be asked for unambiguously (they refuse control characters, backslashes and
// leftover percent-encoding), and bidirectional overrides, which make a name display as another name.
const UNSERVABLE_NAME: [RegExp, string][] = [
  [/[\u0000-\u001F\u007F-\u009F]/, 'its name holds a control character'],
  [/\\/, 'its name holds a backslash'],
  [/%/, 'its name holds a "%", which a URL would read as percent-encoding (such as %41)'],
  [/[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/, 'its name holds a bidirectional control character'],
];

/**
 * Why `relative` (a `/`-separated path under `root`) must not be indexed, or undefined when it may be:
 * its name cannot be served as a citation's file, or it is a link whose target is outside the corpus folder
 * (links inside the folder are fine). A file that vanished is left to the reader to report.
 * @example await corpusFileProblem('/srv/corpus', 'passwd.txt') // 'it is a link to /etc/passwd, outside the corpus folder'
 */
export async function corpusFileProblem(root: string, relative: string): Promise<string | undefined> {
  const badName = UNSERVABLE_NAME.find(([pattern]) => pattern.test(relative));
  if (badName) return `${badName[1]}, so it could not be opened from a citation; rename it`;
  const [realRoot, realFile] = await Promise.all([realpath(root), realpath(path.join(root, ...relative.split('/'))).catch(() => undefined)]);
  if (realFile === undefined) return undefined;
  const inside = path.relative(realRoot, realFile);
  if (inside === '' || inside.startsWith(`..${path.sep}`) || inside === '..' || path.isAbsolute(inside)) {
    return `it is a link to ${realFile}, outside the corpus folder`;
  }
  return undefined;
}

/** The name as it can be printed in a warning: control and bidi characters shown as escapes. */
export function printableName(name: string): string {
  return name.replace(/[\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
