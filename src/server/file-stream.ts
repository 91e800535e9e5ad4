/** A byte range of a file as a web stream that reads only as fast as the client takes it, and gives up on one that stops. */
import { open } from 'node:fs/promises';

const CHUNK_BYTES = 64 * 1024;

/**
 * Streams bytes `start`–`end` (inclusive) of `file`. Nothing is read ahead (high-water mark 0): a chunk is read
 * when the response writer asks for one, so a client that does not read holds one chunk, not the file. When the
 * writer has not asked for `idleMs`, the stream errors (the server then closes the connection). `onClose` runs
 * exactly once, however the stream ends.
 * @example new Response(fileStream('/c/a.pdf', 0, 99, 30_000, () => {}))
 */
export function fileStream(file: string, start: number, end: number, idleMs: number, onClose: () => void): ReadableStream<Uint8Array> {
  let position = start;
  let timer: NodeJS.Timeout | undefined;
  let handle: Awaited<ReturnType<typeof open>> | undefined;
  let closed = false;
  const close = () => {
    if (closed) return;
    closed = true;
    clearTimeout(timer);
    void handle?.close().catch(() => {});
    onClose();
  };
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        clearTimeout(timer);
        try {
          handle ??= await open(file, 'r');
          const length = Math.min(CHUNK_BYTES, end + 1 - position);
          const { bytesRead, buffer } = await handle.read(Buffer.alloc(length), 0, length, position);
          if (closed) return;
          if (bytesRead === 0) throw new Error('the file got shorter while it was being sent');
          position += bytesRead;
          controller.enqueue(new Uint8Array(buffer.buffer, buffer.byteOffset, bytesRead));
          if (position > end) {
            controller.close();
            close();
            return;
          }
          timer = setTimeout(() => {
            controller.error(new Error(`the client read nothing for ${idleMs} ms`));
            close();
          }, idleMs);
        } catch (error) {
          if (!closed) controller.error(error);
          close();
        }
      },
      cancel() {
        close();
      },
    },
    { highWaterMark: 0 },
  );
}
