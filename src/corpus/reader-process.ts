/**
 * The reader process: reads the corpus files the build sends it (one at a time) and answers with the parsed
 * document or the reason it was skipped. Started by isolated-reader.ts, which holds its time and memory budgets.
 */
import { readFile } from 'node:fs/promises';
import { readDocument, type DocumentFormat } from './document-readers.js';
import type { ReaderLimits } from './reader-limits.js';

interface ReadRequest {
  id: number;
  file: string;
  path: string;
  format: DocumentFormat;
  limits: ReaderLimits;
}

process.on('message', (message: ReadRequest) => {
  void (async () => {
    try {
      const bytes = await readFile(message.path);
      const parsed = await readDocument(message.file, bytes, message.format, message.limits);
      process.send!({ id: message.id, parsed });
    } catch (error) {
      process.send!({ id: message.id, parsed: { skipped: { file: message.file, reason: `could not be read (${(error as Error)?.message ?? String(error)})` } } });
    }
  })();
});
process.on('disconnect', () => process.exit(0));
// The parent's time budget starts once the readers are loaded.
process.send!({ ready: true });
