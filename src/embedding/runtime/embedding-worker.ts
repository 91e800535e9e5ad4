/** The body of an embedding worker thread: opens the model once, then answers embed / tokenStates requests one at a time. */
import { parentPort, workerData } from 'node:worker_threads';
import { openOnnxEncoder, type EncoderSettings } from './onnx-encoder.js';
import type { WorkerReply, WorkerRequest } from './worker-messages.js';

const port = parentPort!;
const settings = (workerData as { settings: EncoderSettings }).settings;
const reply = (message: WorkerReply, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);

try {
  const encoder = await openOnnxEncoder(settings);
  port.on('message', async (request: WorkerRequest) => {
    try {
      if (request.op === 'embed') {
        const vectors = await encoder.embed(request.texts);
        reply({ id: request.id, ok: true, vectors }, vectors.map((v) => v.buffer as ArrayBuffer));
      } else {
        const { states, vectors } = await encoder.encode(request.texts, request.prefix, request.withVectors);
        const buffers = [...states.map((s) => s.vectors.buffer), ...(vectors ?? []).map((v) => v.buffer)] as ArrayBuffer[];
        reply({ id: request.id, ok: true, states, vectors }, buffers);
      }
    } catch (error) {
      reply({ id: request.id, ok: false, message: error instanceof Error ? error.message : String(error) });
    }
  });
  reply({ id: 0, ok: true, ready: { dimensions: encoder.dimensions, hasTokenStates: encoder.hasTokenStates } });
} catch (error) {
  reply({ id: 0, ok: false, message: error instanceof Error ? error.message : String(error) });
}
