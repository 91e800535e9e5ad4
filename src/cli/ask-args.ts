/** The options of `npm run ask`, parsed from argv: the question, its language, how many passages, output form, server. */
import { parseArgs } from 'node:util';
import { LANGUAGES, type Language } from '../corpus/types.js';

export const ASK_USAGE = `Usage: npm run ask -- [options] "your question"

Answers a question from the indexed documents, citing file and paragraph.

Options:
  --lang LANG       language of the question: ${LANGUAGES.join(', ')} (default: detected)
  --top-k N         passages to retrieve and cite, 1-20 (default: 5)
  --json            print the API's JSON response instead of text
  --endpoint URL    ask a running server (e.g. http://127.0.0.1:3000) instead of loading the index here;
                    API_KEY, when set, is sent as its bearer token
  -h, --help        show this help

Exit codes: 0 answered (also when the documents hold no answer), 1 failed, 2 bad usage.`;

export interface AskArgs {
  question: string;
  lang?: Language;
  topK: number;
  json: boolean;
  endpoint?: string;
}

/** A mistake in the command line: printed with the usage, exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/**
 * `{ help: true }` for -h/--help, else the parsed options; throws UsageError for anything it cannot use.
 * @example parseAskArgs(['--lang', 'it', 'Quando si vota?']) // { question: 'Quando si vota?', lang: 'it', topK: 5, json: false }
 */
export function parseAskArgs(argv: string[]): AskArgs | { help: true } {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        lang: { type: 'string' },
        'top-k': { type: 'string' },
        json: { type: 'boolean', default: false },
        endpoint: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) return { help: true };
  const question = positionals.join(' ').trim();
  if (!question) throw new UsageError('Give a question, in quotes.');
  const lang = values.lang;
  if (lang !== undefined && !LANGUAGES.includes(lang as Language)) throw new UsageError(`--lang must be one of ${LANGUAGES.join(', ')}, got "${lang}".`);
  const topK = values['top-k'] === undefined ? 5 : Number(values['top-k']);
  if (!Number.isInteger(topK) || topK < 1 || topK > 20) throw new UsageError(`--top-k must be an integer from 1 to 20, got "${values['top-k']}".`);
  let endpoint: string | undefined;
  if (values.endpoint !== undefined) {
    try {
      const url = new URL(values.endpoint);
      if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('not http');
      endpoint = url.href.replace(/\/+$/, '');
    } catch {
      throw new UsageError(`--endpoint must be an http(s) URL such as http://127.0.0.1:3000, got "${values.endpoint}".`);
    }
  }
  return { question, ...(lang && { lang: lang as Language }), topK, json: values.json, ...(endpoint && { endpoint }) };
}
