/** The admin page's script: keeps the key for the tab, lists documents, uploads, deletes, and follows the build. */
import { createSseParser } from '../../widget/client/sse.js';

interface DocumentEntry {
  file: string;
  size: number;
  state: 'indexed' | 'pending' | 'skipped';
  title?: string;
  language?: string;
  paragraphs?: number;
  pages?: number;
  skipped?: string;
}
interface BuildStatus {
  state: 'idle' | 'running' | 'done' | 'failed';
  queued: boolean;
  reasons: string[];
  stage?: string;
  progress?: { done: number; total: number };
  last?: { ok: boolean; finishedAt: string; files?: number; chunks?: number; skipped: { file: string; reason: string }[]; error?: string };
}

const KEY_STORAGE = 'rag-admin-key';
const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const el = (tag: string, text?: string, className?: string) => {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
};

let key = sessionStorage.getItem(KEY_STORAGE) ?? '';
let watching = false;

function api(path: string, init: RequestInit = {}): Promise<Response> {
  return fetch(path, { ...init, headers: { ...(init.headers as Record<string, string>), authorization: `Bearer ${key}` } });
}

async function errorMessage(response: Response): Promise<string> {
  const body = (await response.json().catch(() => undefined)) as { error?: { message?: string } } | undefined;
  return body?.error?.message ?? `HTTP ${response.status}`;
}

function say(text: string): void {
  $('message').textContent = text;
}

async function refresh(): Promise<void> {
  const response = await api('/api/documents');
  if (response.status === 401) {
    sessionStorage.removeItem(KEY_STORAGE);
    $('manager').hidden = true;
    $('key-form').hidden = false;
    return say(await errorMessage(response));
  }
  if (!response.ok) return say(await errorMessage(response));
  const body = (await response.json()) as { documents: DocumentEntry[]; build: BuildStatus };
  $('key-form').hidden = true;
  $('manager').hidden = false;
  renderDocuments(body.documents);
  renderStatus(body.build);
  if (body.build.state === 'running') void watchBuild();
}

function renderDocuments(documents: DocumentEntry[]): void {
  const rows = documents.map((d) => {
    const row = el('tr');
    row.dataset.file = d.file;
    const name = el('td');
    if (d.title && d.title !== d.file) {
      const title = el('bdi', d.title, 'doc-title');
      title.dir = 'auto';
      name.append(title, el('br'));
    }
    name.append(el('bdi', d.file, 'file-name'));
    const state = el('td');
    state.append(el('span', d.state, `badge ${d.state}`));
    if (d.skipped) state.append(el('div', d.skipped, 'error'));
    const action = el('td');
    const remove = el('button', 'Delete', 'danger') as HTMLButtonElement;
    remove.type = 'button';
    remove.setAttribute('aria-label', `Delete ${d.file}`);
    remove.addEventListener('click', () => void deleteDocument(d.file));
    action.append(remove);
    const pages = d.pages ? ` (${d.pages} pages)` : '';
    row.append(name, el('td', d.language ?? '—', 'col-optional'), el('td', d.paragraphs === undefined ? '—' : `${d.paragraphs}${pages}`, 'num col-optional'), el('td', formatSize(d.size), 'num col-optional'), state, action);
    return row;
  });
  $('documents').replaceChildren(...rows);
}

function renderStatus(build: BuildStatus): void {
  const box = $('status');
  const parts: HTMLElement[] = [];
  const label = build.state === 'running' ? `Building (${build.stage ?? 'starting'})` : build.state === 'failed' ? 'The last build failed' : build.state === 'done' ? 'Index up to date' : 'Index loaded';
  parts.push(el('div', label + (build.queued ? ' — another build is queued' : ''), `state state-${build.state}`));
  if (build.reasons.length) parts.push(el('div', `For: ${build.reasons.join(', ')}`));
  if (build.state === 'running' && build.progress) {
    const bar = el('progress') as HTMLProgressElement;
    bar.max = build.progress.total;
    bar.value = build.progress.done;
    bar.setAttribute('aria-label', 'Embedding progress');
    parts.push(bar);
  }
  const last = build.last;
  if (last?.error) parts.push(el('div', `Why: ${last.error} The previous index is still answering; uploaded files are kept.`, 'error'));
  if (last?.ok) parts.push(el('div', `${last.files} files, ${last.chunks} passages indexed at ${new Date(last.finishedAt).toLocaleString()}.`));
  if (last?.skipped.length) {
    parts.push(el('div', 'Skipped files:'));
    const list = el('ul', undefined, 'skipped');
    for (const s of last.skipped) {
      const item = el('li');
      item.append(el('bdi', s.file), document.createTextNode(`: ${s.reason}`));
      list.append(item);
    }
    parts.push(list);
  }
  box.replaceChildren(...parts);
}

async function watchBuild(): Promise<void> {
  if (watching) return;
  watching = true;
  try {
    const response = await api('/api/index/status', { headers: { accept: 'text/event-stream' } });
    if (!response.ok || !response.body) return;
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    const parser = createSseParser((event) => {
      if (event.event === 'status') renderStatus((JSON.parse(event.data) as { build: BuildStatus }).build);
    });
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      parser.push(value);
    }
    parser.end();
  } finally {
    watching = false;
  }
  await refresh();
}

async function upload(files: FileList | File[]): Promise<void> {
  say('');
  for (const file of Array.from(files)) {
    const response = await api(`/api/documents/${encodeURIComponent(file.name)}`, { method: 'PUT', body: file });
    if (!response.ok) say(`${file.name}: ${await errorMessage(response)}`);
  }
  await refresh();
  void watchBuild();
}

async function deleteDocument(file: string): Promise<void> {
  if (!confirm(`Delete ${file}? It leaves the corpus and the index.`)) return;
  const response = await api(`/api/documents/${file.split('/').map(encodeURIComponent).join('/')}`, { method: 'DELETE' });
  if (!response.ok) say(await errorMessage(response));
  await refresh();
  void watchBuild();
}

function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  return bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

$('key-form').addEventListener('submit', (event) => {
  event.preventDefault();
  key = $<HTMLInputElement>('admin-key').value.trim();
  sessionStorage.setItem(KEY_STORAGE, key);
  void refresh();
});
$<HTMLInputElement>('files').addEventListener('change', (event) => {
  const input = event.target as HTMLInputElement;
  if (input.files?.length) void upload(input.files).then(() => (input.value = ''));
});
const drop = $('drop');
drop.addEventListener('dragover', (event) => {
  event.preventDefault();
  drop.classList.add('over');
});
drop.addEventListener('dragleave', () => drop.classList.remove('over'));
drop.addEventListener('drop', (event) => {
  event.preventDefault();
  drop.classList.remove('over');
  if (event.dataTransfer?.files.length) void upload(event.dataTransfer.files);
});
if (key) void refresh();
