// Starts an embedding worker thread: a TypeScript entry goes through tsx (as the rest of the app does), a built
// JavaScript one is imported directly. Worker threads do not inherit the parent's module loader hooks.
import { workerData } from 'node:worker_threads';

const entry = workerData.entry;
if (entry.endsWith('.ts')) {
  const { tsImport } = await import('tsx/esm/api');
  await tsImport(entry, import.meta.url);
} else {
  await import(entry);
}
