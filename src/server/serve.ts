/** Listening on a port with @hono/node-server, and shutting down gracefully on SIGINT/SIGTERM. */
import { serve, type ServerType } from '@hono/node-server';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Hono } from 'hono';

export interface ServeOptions {
  host: string;
  /** 0 picks a free port; the handle tells which. */
  port: number;
  onListen?: (info: { host: string; port: number; url: string }) => void;
  /** Close on SIGINT/SIGTERM, then exit the process (default true). */
  handleSignals?: boolean;
  /** How long open requests (event streams) may keep running after close() begins (default 10 s). */
  shutdownGraceMs?: number;
}

export interface ServerHandle {
  host: string;
  port: number;
  url: string;
  server: ServerType;
  /** Stops accepting connections, lets open requests finish (up to the grace time), then resolves. */
  close(): Promise<void>;
}

/**
 * Starts listening; resolves once the port is bound, rejects if it cannot be (e.g. already in use).
 * @example const handle = await startServer(app, { host: '127.0.0.1', port: 0 }); console.log(handle.port);
 */
export function startServer(app: Hono, options: ServeOptions): Promise<ServerHandle> {
  const { host, handleSignals = true, shutdownGraceMs = 10_000 } = options;
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, hostname: host, port: options.port }, (info: AddressInfo) => {
      server.off('error', onStartError);
      const urlHost = info.family === 'IPv6' ? `[${info.address}]` : info.address;
      const handle: ServerHandle = { host, port: info.port, url: `http://${urlHost}:${info.port}`, server, close };
      if (handleSignals) for (const signal of SIGNALS) process.on(signal, onSignal);
      options.onListen?.({ host, port: info.port, url: handle.url });
      resolve(handle);
    }) as Server;

    function onStartError(err: NodeJS.ErrnoException) {
      const why = err.code === 'EADDRINUSE' ? 'it is already in use: stop the other process or set PORT to another port' : err.message;
      reject(new Error(`Cannot listen on ${host}:${options.port}: ${why}.`));
    }
    server.once('error', onStartError);

    let closing: Promise<void> | undefined;
    function close(): Promise<void> {
      closing ??= new Promise<void>((done) => {
        for (const signal of SIGNALS) process.off(signal, onSignal);
        const force = setTimeout(() => server.closeAllConnections(), shutdownGraceMs);
        force.unref();
        server.close(() => {
          clearTimeout(force);
          done();
        });
        server.closeIdleConnections();
      });
      return closing;
    }

    let signalled = false;
    function onSignal() {
      if (signalled) process.exit(1); // a second Ctrl-C: stop waiting
      signalled = true;
      close().then(() => process.exit(0));
    }
  });
}

const SIGNALS = ['SIGINT', 'SIGTERM'] as const;
