/** Test helper: a tiny OpenAI-compatible chat server on 127.0.0.1 (POST /v1/chat/completions, JSON or SSE). */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the server does with the next request: answer (JSON, or SSE when the request streams), fail, or never answer. */
export type FakeReply = { content: string; pieces?: string[] } | { status: number } | { hang: true };

export interface FakeOpenAIServer {
  /** Base URL to configure the client with, ending in `/v1`. */
  baseUrl: string;
  /** Parsed JSON bodies of the chat requests received so far. */
  requests: ChatRequestBody[];
  /** Sets the reply to every following request. */
  reply(reply: FakeReply): void;
  close(): Promise<void>;
}

export interface ChatRequestBody {
  model: string;
  stream?: boolean;
  messages: { role: string; content: string }[];
}

/** Starts the server on an ephemeral port. With `pieces`, a streamed reply sends one SSE chunk per piece. */
export async function startFakeOpenAIServer(): Promise<FakeOpenAIServer> {
  let current: FakeReply = { content: '' };
  const requests: ChatRequestBody[] = [];

  const server = createServer(async (req, res) => {
    if (req.method !== 'POST' || req.url !== '/v1/chat/completions') {
      res.writeHead(404).end();
      return;
    }
    const body = JSON.parse(await readBody(req)) as ChatRequestBody;
    requests.push(body);
    const reply = current;
    if ('hang' in reply) return; // keep the socket open until the client gives up
    if ('status' in reply) {
      sendJson(res, reply.status, { error: { message: 'fake failure', type: 'server_error' } });
      return;
    }
    if (body.stream) sendStream(res, body.model, reply.pieces ?? [reply.content]);
    else sendJson(res, 200, completion(body.model, reply.content));
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    requests,
    reply(reply) {
      current = reply;
    },
    close() {
      server.closeAllConnections();
      return new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    },
  };
}

async function readBody(req: IncomingMessage): Promise<string> {
  const parts: Buffer[] = [];
  for await (const part of req) parts.push(part as Buffer);
  return Buffer.concat(parts).toString('utf8');
}

function sendJson(res: ServerResponse, status: number, value: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(value));
}

function completion(model: string, content: string) {
  return {
    id: 'chatcmpl-fake',
    object: 'chat.completion',
    created: 0,
    model,
    choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop', logprobs: null }],
    usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
  };
}

function sendStream(res: ServerResponse, model: string, pieces: string[]): void {
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
  const chunk = (delta: object, finishReason: string | null) => ({
    id: 'chatcmpl-fake',
    object: 'chat.completion.chunk',
    created: 0,
    model,
    choices: [{ index: 0, delta, finish_reason: finishReason, logprobs: null }],
  });
  const send = (value: unknown) => res.write(`data: ${JSON.stringify(value)}\n\n`);
  send(chunk({ role: 'assistant', content: '' }, null));
  for (const piece of pieces) send(chunk({ content: piece }, null));
  send(chunk({}, 'stop'));
  send({ id: 'chatcmpl-fake', object: 'chat.completion.chunk', created: 0, model, choices: [], usage: { prompt_tokens: 1, completion_tokens: pieces.length, total_tokens: 1 + pieces.length } });
  res.end('data: [DONE]\n\n');
}
