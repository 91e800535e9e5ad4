/**
 * The document management API (behind ADMIN_API_KEY): list, upload, delete, and the background index build.
 * Every change is on disk before it is acknowledged; the build that follows runs in the background.
 */
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { streamSSE } from 'hono/streaming';
import { listDocuments } from '../../admin/document-list.js';
import { documentFormatOf } from '../../corpus/document-readers.js';
import { contentProblem, uploadNameProblem } from '../../corpus/upload-rules.js';
import { removeCorpusFile, writeCorpusFile } from '../../corpus/write-corpus-file.js';
import type { IndexJob, IndexJobStatus } from '../../index/index-job.js';
import type { LoadedIndex } from '../../index/types.js';
import { apiError } from '../errors.js';

export interface AdminDocumentDeps {
  corpusDir: string;
  maxUploadBytes: number;
  job: IndexJob;
  /** The index being served right now (it changes when a build is swapped in). */
  currentIndex: () => LoadedIndex;
}

/** Longest an index status event stream stays open: a client that wants more reconnects. */
const STATUS_STREAM_MS = 10 * 60_000;

/**
 * Routes: GET /api/documents, PUT and DELETE /api/documents/:file, GET /api/index/status (JSON, or SSE when the
 * client accepts text/event-stream), POST /api/index. Authentication is the caller's job (see adminApp).
 * @example app.route('/', adminDocumentRoutes({ corpusDir, maxUploadBytes, job, currentIndex }))
 */
export function adminDocumentRoutes(deps: AdminDocumentDeps): Hono {
  const app = new Hono();
  const megabytes = (deps.maxUploadBytes / 1024 / 1024).toFixed(deps.maxUploadBytes < 1024 * 1024 ? 3 : 0);

  app.get('/api/documents', async (c) => {
    const documents = await listDocuments(deps.corpusDir, deps.currentIndex(), deps.job.status().last?.skipped ?? []);
    return c.json({ documents, index: indexSummary(deps.currentIndex()), build: deps.job.status() });
  });

  app.put(
    // Any path after /api/documents/ reaches the name check, so a slash gets a 400 that says why, not a 404.
    '/api/documents/:file{.+}',
    bodyLimit({
      maxSize: deps.maxUploadBytes,
      onError: (c) => {
        c.header('Connection', 'close');
        throw apiError(413, 'payload_too_large', `The file is over the upload limit of ${megabytes} MB (ADMIN_MAX_UPLOAD_MB).`);
      },
    }),
    async (c) => {
      const file = c.req.param('file');
      const badName = uploadNameProblem(file);
      if (badName) throw apiError(400, 'invalid_name', `The file name ${JSON.stringify(file)} ${badName}.`);
      const bytes = new Uint8Array(await c.req.arrayBuffer());
      const badContent = contentProblem(documentFormatOf(file)!, bytes);
      if (badContent) throw apiError(415, 'invalid_content', `${file} ${badContent}.`);
      const { replaced } = await writeCorpusFile(deps.corpusDir, file, bytes);
      const build = deps.job.request(`${replaced ? 'replaced' : 'added'} ${file}`);
      return c.json({ file, size: bytes.length, replaced, build }, replaced ? 200 : 201);
    },
  );

  app.delete('/api/documents/:file{.+}', async (c) => {
    const file = c.req.param('file');
    const listed = await listDocuments(deps.corpusDir, deps.currentIndex(), []);
    // Only a file the listing shows can be deleted: the name never reaches the file system unchecked.
    if (!listed.some((d) => d.file === file) || !(await removeCorpusFile(deps.corpusDir, file))) {
      throw apiError(404, 'not_found', `No document ${JSON.stringify(file)} in the corpus. GET /api/documents lists them.`);
    }
    return c.json({ file, deleted: true, build: deps.job.request(`deleted ${file}`) });
  });

  app.post('/api/index', (c) => {
    const status = deps.job.status();
    if (status.state === 'running') {
      throw apiError(409, 'build_running', `A build is already running (${status.reasons.join(', ')}); ${status.queued ? 'another is queued after it' : 'changes made meanwhile are queued'}. Watch GET /api/index/status.`);
    }
    return c.json({ build: deps.job.request('rebuild requested') }, 202);
  });

  app.get('/api/index/status', (c) => {
    if (!(c.req.header('accept') ?? '').includes('text/event-stream')) return c.json({ build: deps.job.status(), index: indexSummary(deps.currentIndex()) });
    c.header('X-Accel-Buffering', 'no');
    return streamSSE(c, async (stream) => {
      let wake: () => void = () => {};
      const changes: IndexJobStatus[] = [deps.job.status()];
      const unsubscribe = deps.job.subscribe((status) => {
        changes.push(status);
        wake();
      });
      const deadline = Date.now() + STATUS_STREAM_MS;
      stream.onAbort(() => wake());
      try {
        while (!stream.aborted && Date.now() < deadline) {
          const status = changes.shift();
          if (!status) {
            await new Promise<void>((resolve) => {
              wake = resolve;
              setTimeout(resolve, 15_000).unref?.();
            });
            if (changes.length === 0 && !stream.aborted) await stream.write(': keep-alive\n\n');
            continue;
          }
          await stream.writeSSE({ event: 'status', data: JSON.stringify({ build: status, index: indexSummary(deps.currentIndex()) }) });
          // The stream ends once nothing runs or waits: the last event is the build's result.
          if (status.state !== 'running' && !status.queued && changes.length === 0) break;
        }
      } finally {
        unsubscribe();
      }
    });
  });

  return app;
}

function indexSummary(index: LoadedIndex) {
  const { manifest } = index;
  return { builtAt: manifest.builtAt, files: manifest.files.length, chunks: manifest.chunks, retrieval: index.dense ? 'hybrid' : 'lexical' };
}
