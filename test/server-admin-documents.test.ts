/** The document management API: behind ADMIN_API_KEY only, every refusal a clear JSON error, changes built in the background and swapped in. */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createRuntime, type Runtime } from '../src/runtime.js';
import { createTempProject, type TempProject } from './helpers/temp-project.js';
import { expectJsonError, postJson } from './server-helpers.js';

const ADMIN_KEY = 'admin-key-for-tests-0123456789';
const READ_KEY = 'read-key-for-tests-0123456789';
const admin = { authorization: `Bearer ${ADMIN_KEY}` };
const NEW_TEXT = 'The quokkaberry orchard\n\nThe quokkaberry orchard near Almaty was planted in 1911 by the botanist Elena Vartanova.\n';

async function adminRuntime(env: Record<string, string> = {}): Promise<{ project: TempProject; runtime: Runtime }> {
  const project = await createTempProject({ RETRIEVAL: 'lexical', ADMIN_API_KEY: ADMIN_KEY, API_KEY: READ_KEY, ADMIN_MAX_UPLOAD_MB: '0.05', ...env });
  const runtime = await createRuntime(project.config, { log: () => {} });
  return { project, runtime };
}

const put = (body: BodyInit, headers: Record<string, string> = admin): RequestInit => ({ method: 'PUT', headers, body });
const ask = (question: string) => postJson({ question }, { authorization: `Bearer ${READ_KEY}` });

describe('without ADMIN_API_KEY', () => {
  it('has no document routes and no admin page', async () => {
    const project = await createTempProject({ RETRIEVAL: 'lexical' });
    const { app } = await createRuntime(project.config, { log: () => {} });
    for (const [path, method] of [['/api/documents', 'GET'], ['/api/documents/a.txt', 'PUT'], ['/api/documents/a.txt', 'DELETE'], ['/api/index/status', 'GET'], ['/admin', 'GET']] as const) {
      await expectJsonError(await app.request(path, { method, body: method === 'PUT' ? 'x' : undefined }), 404, 'not_found');
    }
  });
});

describe('with ADMIN_API_KEY', () => {
  let project: TempProject;
  let runtime: Runtime;
  beforeAll(async () => {
    ({ project, runtime } = await adminRuntime());
  });

  it('refuses no key, a wrong key and the read key with 401', async () => {
    for (const headers of [{}, { authorization: 'Bearer wrong' }, { authorization: `Bearer ${READ_KEY}` }] as Record<string, string>[]) {
      const body = await expectJsonError(await runtime.app.request('/api/documents', { headers }), 401, 'unauthorized');
      expect(body.error.message).toContain('ADMIN_API_KEY');
      await expectJsonError(await runtime.app.request('/api/documents/x.txt', put('hello', headers)), 401, 'unauthorized');
    }
  });

  it('does not take the admin key for the read API', async () => {
    await expectJsonError(await runtime.app.request('/api/ask', postJson({ question: 'elections' }, admin)), 401, 'unauthorized');
  });

  it('lists the corpus files with title, language, paragraphs, size and when they were indexed', async () => {
    const response = await runtime.app.request('/api/documents', { headers: admin });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { documents: { file: string; state: string; paragraphs: number; size: number; language: string; indexedAt: string; title: string }[] };
    expect(body.documents.map((d) => d.file)).toEqual((await readdir(project.corpusDir)).sort());
    for (const document of body.documents) {
      expect(document.state).toBe('indexed');
      expect(document.paragraphs).toBeGreaterThan(0);
      expect(document.size).toBeGreaterThan(0);
      expect(document.indexedAt).toBe(runtime.index.manifest.builtAt);
      expect(document.title.length).toBeGreaterThan(0);
    }
  });

  it('refuses a file over the upload limit with 413', async () => {
    await expectJsonError(await runtime.app.request('/api/documents/big.txt', put('a'.repeat(60 * 1024))), 413, 'payload_too_large');
  });

  it('refuses names the corpus cannot hold with 400', async () => {
    for (const name of ['..%2Fescape.txt', 'sub/dir.txt', '.hidden.txt', 'program.exe', 'noextension', 'bidi%E2%80%AEtxt.md', '%2520.txt']) {
      const body = await expectJsonError(await runtime.app.request(`/api/documents/${name}`, put('Some text.')), 400, 'invalid_name');
      expect(body.error.message).toMatch(/file name/);
    }
    expect((await readdir(path.dirname(project.corpusDir))).sort()).toEqual(['corpus', 'index']);
  });

  it('judges content by its bytes, not its name or content type, with 415', async () => {
    const cases: [string, Uint8Array | string][] = [
      ['fake.pdf', 'This is text, not a PDF.'],
      ['fake.docx', 'PK\u0003\u0004 but no Word part'],
      ['binary.txt', new Uint8Array([0x41, 0x00, 0x42])],
      ['latin1.md', new Uint8Array([0x63, 0x61, 0x66, 0xe9])],
    ];
    for (const [name, bytes] of cases) {
      await expectJsonError(await runtime.app.request(`/api/documents/${name}`, put(bytes as BodyInit, { ...admin, 'content-type': 'application/pdf' })), 415, 'invalid_content');
    }
    expect(await readdir(project.corpusDir)).not.toContain('fake.pdf');
  });

  it('answers 404 for a delete of a missing file', async () => {
    await expectJsonError(await runtime.app.request('/api/documents/missing.txt', { method: 'DELETE', headers: admin }), 404, 'not_found');
    await expectJsonError(await runtime.app.request('/api/documents/..%2F..%2Fetc%2Fpasswd', { method: 'DELETE', headers: admin }), 404, 'not_found');
  });

  it('adds a document, builds in the background, refuses a second rebuild meanwhile, and serves the new index without a restart', async () => {
    const before = runtime.index.manifest.builtAt;
    const response = await runtime.app.request('/api/documents/quokka.txt', put(NEW_TEXT));
    expect(response.status).toBe(201);
    const body = (await response.json()) as { replaced: boolean; build: { state: string } };
    expect(body.replaced).toBe(false);
    expect(body.build.state).toBe('running');
    // The bytes are on disk when the upload is acknowledged.
    expect(await readFile(path.join(project.corpusDir, 'quokka.txt'), 'utf8')).toBe(NEW_TEXT);
    await expectJsonError(await runtime.app.request('/api/index', { method: 'POST', headers: admin }), 409, 'build_running');
    await runtime.indexJob!.settled();

    const status = (await (await runtime.app.request('/api/index/status', { headers: admin })).json()) as { build: { state: string; last: { ok: boolean; files: number } } };
    expect(status.build.state).toBe('done');
    expect(status.build.last.files).toBe(6);
    expect(runtime.index.manifest.builtAt >= before).toBe(true);
    const answer = (await (await runtime.app.request('/api/ask', ask('Who planted the quokkaberry orchard?'))).json()) as { citations: { file: string }[] };
    expect(answer.citations[0]?.file).toBe('quokka.txt');

    const replaced = await runtime.app.request('/api/documents/quokka.txt', put(NEW_TEXT.replace('1911', '1912')));
    expect(replaced.status).toBe(200);
    expect(((await replaced.json()) as { replaced: boolean }).replaced).toBe(true);
    await runtime.indexJob!.settled();

    const deleted = await runtime.app.request('/api/documents/quokka.txt', { method: 'DELETE', headers: admin });
    expect(deleted.status).toBe(200);
    await runtime.indexJob!.settled();
    expect(runtime.index.documents.has('quokka.txt')).toBe(false);
    expect(await readdir(project.corpusDir)).not.toContain('quokka.txt');
  });

  it('keeps a file the build cannot read, and says why in the listing and the status', async () => {
    await runtime.app.request('/api/documents/broken.pdf', put('%PDF-1.7 this is not really a PDF'));
    await runtime.indexJob!.settled();
    const body = (await (await runtime.app.request('/api/documents', { headers: admin })).json()) as { documents: { file: string; state: string; skipped?: string }[]; build: { last: { skipped: { file: string }[] } } };
    const broken = body.documents.find((d) => d.file === 'broken.pdf');
    expect(broken?.state).toBe('skipped');
    expect(broken?.skipped?.length).toBeGreaterThan(0);
    expect(body.build.last.skipped.map((s) => s.file)).toContain('broken.pdf');
    expect(await readdir(project.corpusDir)).toContain('broken.pdf');
  });

  it('streams the build status as server-sent events until the build ends', async () => {
    await writeFile(path.join(project.corpusDir, 'by-hand.md'), '# Copied by hand\n\nA file an operator copied into the folder.\n');
    const started = await runtime.app.request('/api/index', { method: 'POST', headers: admin });
    expect(started.status).toBe(202);
    const stream = await runtime.app.request('/api/index/status', { headers: { ...admin, accept: 'text/event-stream' } });
    expect(stream.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const events = (await stream.text()).split('\n\n').filter((e) => e.startsWith('event: status'));
    const last = JSON.parse(events.at(-1)!.split('\ndata: ')[1]!) as { build: { state: string }; index: { files: number } };
    expect(last.build.state).toBe('done');
    expect(runtime.index.documents.has('by-hand.md')).toBe(true);
  });
});

describe('a failed build', () => {
  it('leaves the previous index serving and says why', async () => {
    const { project, runtime } = await adminRuntime();
    const files = await readdir(project.corpusDir);
    for (const file of files) await runtime.app.request(`/api/documents/${file}`, { method: 'DELETE', headers: admin });
    await runtime.indexJob!.settled();
    const status = (await (await runtime.app.request('/api/index/status', { headers: admin })).json()) as { build: { state: string; last: { error: string } } };
    expect(status.build.state).toBe('failed');
    expect(status.build.last.error).toMatch(/No readable/);
    // The last index that was complete still answers (deletes arriving during a build were built in between).
    expect(runtime.index.manifest.files.length).toBeGreaterThan(0);
    const answer = await runtime.app.request('/api/ask', ask('elections'));
    expect(answer.status).toBe(200);
  });
});

it('refuses ADMIN_API_KEY equal to API_KEY at start-up', async () => {
  await expect(createTempProject({ ADMIN_API_KEY: 'same-key', API_KEY: 'same-key' })).rejects.toThrow(/ADMIN_API_KEY must differ/);
});
