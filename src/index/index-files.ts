/** File names inside INDEX_DIR, and the README the build writes beside them. */
import path from 'node:path';

export const INDEX_FILES = {
  manifest: 'manifest.json',
  chunks: 'chunks.json',
  documents: 'documents.json',
  lexical: 'lexical.bin',
  vectors: 'vectors.f32',
  hnsw: 'hnsw.bin',
  readme: 'README.md',
} as const;

export function indexPath(dir: string, name: keyof typeof INDEX_FILES): string {
  return path.join(dir, INDEX_FILES[name]);
}

export const INDEX_README = `# index/

Build output of \`npm run index\` (git-ignored). \`manifest.json\` describes the build (model, retrieval mode, files, chunking settings); \`documents.json\` holds the paragraphs and \`chunks.json\` the chunk offsets; \`vectors.f32\` and \`hnsw.bin\` hold the dense index (hybrid mode only); \`lexical.bin\` holds the BM25 index. Delete the folder to force a full rebuild.
`;
