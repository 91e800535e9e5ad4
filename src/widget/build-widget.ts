/** Bundling the browser widget (src/widget/client) into one minified dist/widget/widget.js with esbuild. */
import { mkdir, readFile, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const projectRoot = fileURLToPath(new URL('../../', import.meta.url));

/** Where the widget's sources are and where its bundle goes. */
export interface WidgetBuildOptions {
  /** Folder whose files, when newer than the bundle, make it stale (default src/widget/client). */
  sourceDir: string;
  /** Entry point (default src/widget/client/widget.ts). */
  entry: string;
  /** The bundle (default dist/widget/widget.js). */
  outFile: string;
  /** Rebuild even when the bundle is up to date. */
  force: boolean;
}

export const defaultWidgetBuildOptions: WidgetBuildOptions = {
  sourceDir: path.join(projectRoot, 'src/widget/client'),
  entry: path.join(projectRoot, 'src/widget/client/widget.ts'),
  outFile: path.join(projectRoot, 'dist/widget/widget.js'),
  force: false,
};

export interface WidgetBuildResult {
  outFile: string;
  /** Whether this call (re)built the bundle. */
  rebuilt: boolean;
  /** Minified size in bytes, and gzipped. */
  bytes: number;
  gzipBytes: number;
}

/**
 * Builds the bundle when it is missing or older than any widget source file.
 * @example const { outFile, bytes } = await ensureWidgetBuilt();
 */
export async function ensureWidgetBuilt(options: Partial<WidgetBuildOptions> = {}): Promise<WidgetBuildResult> {
  const settings = { ...defaultWidgetBuildOptions, ...options };
  const bundleTime = await modifiedAt(settings.outFile);
  const stale = settings.force || bundleTime === undefined || (await newestModification(settings.sourceDir)) > bundleTime;
  if (stale) await buildWidget(settings);
  return { outFile: settings.outFile, rebuilt: stale, ...(await sizes(settings.outFile)) };
}

/** Runs esbuild: one IIFE for evergreen browsers, minified, with no external imports. */
async function buildWidget({ entry, outFile }: WidgetBuildOptions): Promise<void> {
  await mkdir(path.dirname(outFile), { recursive: true });
  await build({
    entryPoints: [entry],
    outfile: outFile,
    bundle: true,
    minify: true,
    format: 'iife',
    platform: 'browser',
    target: ['es2020', 'chrome100', 'firefox100', 'safari15'],
    charset: 'utf8',
    legalComments: 'none',
    logLevel: 'silent',
  });
}

async function modifiedAt(file: string): Promise<number | undefined> {
  try {
    return (await stat(file)).mtimeMs;
  } catch {
    return undefined;
  }
}

async function newestModification(dir: string): Promise<number> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  const times = await Promise.all(
    entries.filter((e) => e.isFile()).map(async (e) => (await stat(path.join(e.parentPath, e.name))).mtimeMs),
  );
  return Math.max(0, ...times);
}

async function sizes(file: string): Promise<{ bytes: number; gzipBytes: number }> {
  const content = await readFile(file);
  return { bytes: content.length, gzipBytes: gzipSync(content).length };
}
