/** Test edge: a model hub on 127.0.0.1 serving a model folder at /{owner}/{name}/resolve/{revision}/{file}, with LFS-style size/sha256 headers and injectable faults. */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

export type HubFault =
  /** Send the headers and half the body, then destroy the socket. */
  | 'drop'
  /** Send a body of the right length with one byte changed (the headers state the true sha256). */
  | 'corrupt';

export interface FakeHub {
  /** Base URL ending in `/`: MODEL_HUB_URL. */
  url: string;
  /** Paths requested (GET and HEAD), for "nothing was fetched" checks. */
  requests: string[];
  /** Faults per file name, each consumed by one GET; `'always'` keeps it. */
  faults: Map<string, { fault: HubFault; times: number | 'always' }>;
  close(): Promise<void>;
}

/**
 * Serves `folder` as the hub's `model` at revision `main`. Files ending in `.onnx` answer like LFS files
 * (`X-Linked-Size`, `X-Linked-Etag` with the sha256); others like git files (an ETag that is no sha256).
 */
export async function startFakeHub(model: string, folder: string): Promise<FakeHub> {
  const requests: string[] = [];
  const faults: FakeHub['faults'] = new Map();
  const prefix = `/${model}/resolve/main/`;
  const server = http.createServer(async (req, res) => {
    const url = decodeURIComponent(req.url ?? '');
    requests.push(`${req.method} ${url}`);
    const name = url.startsWith(prefix) ? url.slice(prefix.length) : undefined;
    const bytes = name && !name.includes('..') ? await readFile(path.join(folder, name)).catch(() => undefined) : undefined;
    if (!bytes) return void res.writeHead(404).end('Entry not found');
    const headers: Record<string, string | number> = { 'content-length': bytes.length, 'content-type': 'application/octet-stream' };
    if (name!.endsWith('.onnx')) {
      headers['x-linked-size'] = bytes.length;
      headers['x-linked-etag'] = `"${createHash('sha256').update(bytes).digest('hex')}"`;
    } else {
      headers.etag = `"${createHash('sha1').update(bytes).digest('hex')}"`;
    }
    if (req.method === 'HEAD') return void res.writeHead(200, headers).end();
    const fault = faults.get(name!);
    if (fault && fault.times !== 'always' && --fault.times <= 0) faults.delete(name!);
    res.writeHead(200, headers);
    if (fault?.fault === 'drop') {
      res.write(bytes.subarray(0, bytes.length >> 1));
      setTimeout(() => res.destroy(), 20);
    } else if (fault?.fault === 'corrupt') {
      const copy = Buffer.from(bytes);
      copy[copy.length >> 1] ^= 0xff;
      res.end(copy);
    } else {
      res.end(bytes);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    requests,
    faults,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** A loopback URL where nothing listens (a port just released), for "the hub cannot be reached". */
export async function closedPortUrl(): Promise<string> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return `http://127.0.0.1:${port}/`;
}
