/** For the browser tests: the real server over a temporary copy of the corpus (lexical mode), and Debian's Chromium. */
import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createRuntime, type Runtime } from '../src/runtime.js';
import { startServer, type ServerHandle } from '../src/server/serve.js';
import { createTempProject } from './helpers/temp-project.js';

export const CHROMIUM_PATH = '/usr/bin/chromium';
export const ARTIFACTS_DIR = path.resolve('artifacts');

/** A paragraph whose text is markup: the widget and pages must show it, never run it. */
export const XSS_MARKUP = '<img src=x onerror=alert(1)>';
export const XSS_QUESTION = 'What does the zanzibarite sample paragraph contain?';

/** A document mixing directions line by line: an English line inside Arabic text, an Arabic line inside Italian. */
export const MIXED_FILE = 'zz_mixed_lines.md';
export const MIXED_LINES = {
  english: 'The Unfreedom Monitor',
  arabic: 'هذا سطر عربي داخل فقرة إيطالية.',
};
const MIXED_TEXT = `يبدأ هذا النص العربي القصير هنا للاختبار.\n${MIXED_LINES.english}\nوينتهي النص العربي في هذا السطر.\n\nQuesto paragrafo italiano contiene una riga in arabo.\n${MIXED_LINES.arabic}\nE poi torna all’italiano fino alla fine.\n`;

/** The server's SUGGESTIONS setting in the browser tests: Italian only, so other languages show none. */
export const SERVER_SUGGESTIONS = { it: ['Quanti prigionieri politici ci sono in Kazakistan?', 'Quando si svolgeranno le elezioni per il Majilis?', 'Chi osserva le elezioni?'] };
/** The customer page's own data-suggestions (with `?suggestions`). */
export const PAGE_SUGGESTIONS = ['What did Amnesty International ask?', 'كيف يراقب النظام الإنترنت؟'];

/** Browser tests run when Chromium is installed, and must run in CI. */
export const canRunBrowser = existsSync(CHROMIUM_PATH) || Boolean(process.env.CI);

export interface Harness {
  browser: Browser;
  /** http://127.0.0.1:PORT — the same port across stop/start. */
  url: string;
  /** The server's FEEDBACK_DIR. */
  feedbackDir: string;
  /** A customer's site on another origin embedding the widget; `?timeout=MS` sets data-timeout, `?suggestions` sets data-suggestions, `?element` uses <rag-chat> (Italian, open, yellow accent). */
  customerUrl: string;
  stopServer(): Promise<void>;
  startServer(): Promise<void>;
  close(): Promise<void>;
}

/** Copies the corpus (plus one English file holding markup), builds a lexical index, serves it and launches Chromium. */
export async function startHarness(): Promise<Harness> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`CI must run the browser tests, but ${CHROMIUM_PATH} is missing: apt-get install -y chromium fonts-noto-core`);
  }
  const { corpusDir, config } = await createTempProject({ RETRIEVAL: 'lexical', SUGGESTIONS: JSON.stringify(SERVER_SUGGESTIONS) });
  await writeFile(
    path.join(corpusDir, 'zz_markup_sample.txt'),
    `Markup sample ${XSS_MARKUP}\n\nThe zanzibarite sample paragraph contains ${XSS_MARKUP} as plain text, to prove it is never run.\n`,
  );
  await writeFile(path.join(corpusDir, MIXED_FILE), MIXED_TEXT);
  const runtime: Runtime = await createRuntime(config);
  let server: ServerHandle | undefined = await startServer(runtime.app, { host: '127.0.0.1', port: 0, handleSignals: false, shutdownGraceMs: 100 });
  const port = server.port;
  await mkdir(ARTIFACTS_DIR, { recursive: true });
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic'],
  });

  const customer = await serveCustomerPage(`http://127.0.0.1:${port}`);

  const stopServer = async () => {
    const running = server;
    server = undefined;
    if (!running) return;
    (running.server as Server).closeAllConnections(); // the browser keeps idle connections open
    await running.close();
  };
  return {
    browser,
    url: `http://127.0.0.1:${port}`,
    feedbackDir: config.feedbackDir,
    customerUrl: `http://127.0.0.1:${(customer.address() as AddressInfo).port}/`,
    stopServer,
    async startServer() {
      server ??= await startServer(runtime.app, { host: '127.0.0.1', port, handleSignals: false, shutdownGraceMs: 100 });
    },
    async close() {
      await browser.close();
      await stopServer();
      customer.closeAllConnections();
      await new Promise((done) => customer.close(done));
    },
  };
}

/** Selectors inside the widget (Playwright's CSS engine pierces its open shadow root). */
export const W = {
  launcher: 'rag-chat .launcher',
  panel: 'rag-chat .panel',
  input: 'rag-chat textarea#question',
  lastAnswer: 'rag-chat .turn:last-child .bot',
  done: 'rag-chat .turn:last-child .bot[data-state="done"]',
  failed: 'rag-chat .turn:last-child .bot[data-state="error"]',
  viewer: 'rag-chat .viewer',
} as const;

/** Opens the panel, asks, and waits for the complete answer. */
export async function ask(page: Page, question: string, waitFor: string = W.done): Promise<void> {
  if (!(await page.locator(W.panel).isVisible())) await page.locator(W.launcher).click();
  await page.locator(W.input).fill(question);
  await page.locator(W.input).press('Enter');
  await page.locator(waitFor).waitFor({ timeout: 15_000 });
}

/** Another origin (another port) serving a customer's page that embeds the widget, with hostile CSS of its own. */
async function serveCustomerPage(serverUrl: string): Promise<Server> {
  const server = createServer((req, res) => {
    const query = new URL(req.url ?? '/', 'http://customer').searchParams;
    const timeout = /^\d+$/.test(query.get('timeout') ?? '') ? ` data-timeout="${query.get('timeout')}"` : '';
    const suggestions = query.has('suggestions') ? ` data-suggestions="${PAGE_SUGGESTIONS.join('|')}"` : '';
    const embed = query.has('element')
      ? `<script src="${serverUrl}/widget.js" defer></script><rag-chat endpoint="${serverUrl}" lang="it" open accent="#ffd400"${timeout.replace('data-', '')}></rag-chat>`
      : `<script src="${serverUrl}/widget.js" data-endpoint="${serverUrl}"${timeout}${suggestions} defer></script>`;
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Customer site</title>
<style>* { color: #f00 !important; font-family: serif !important; } button, textarea { display: none !important; }</style>
</head><body><h1>Customer site</h1>${embed}</body></html>`);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return server;
}
