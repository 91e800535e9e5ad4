/** The built widget.js held in memory with its ETag, building it first when the bundle is missing. */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { defaultWidgetBuildOptions, ensureWidgetBuilt } from './build-widget.js';

export interface WidgetAsset {
  body: Uint8Array<ArrayBuffer>;
  etag: string;
}

/**
 * Returns a loader that reads `<assetsDir>/widget.js` once (concurrent callers share the read).
 * Without `assetsDir`, the default bundle is (re)built first when missing or stale.
 * @example const asset = await createWidgetAssetLoader()();
 */
export function createWidgetAssetLoader(assetsDir?: string): () => Promise<WidgetAsset> {
  let loading: Promise<WidgetAsset> | undefined;
  return () => {
    loading ??= load(assetsDir).catch((error: unknown) => {
      loading = undefined; // let the next request try again
      throw error;
    });
    return loading;
  };
}

async function load(assetsDir: string | undefined): Promise<WidgetAsset> {
  const file = assetsDir ? path.join(assetsDir, 'widget.js') : (await ensureWidgetBuilt(defaultWidgetBuildOptions)).outFile;
  const body = new Uint8Array(await readFile(file));
  return { body, etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"` };
}
