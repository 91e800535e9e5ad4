/** `npm run build`: bundles the chat widget into dist/widget/widget.js (`-- --force` rebuilds even when up to date). */
import { ensureWidgetBuilt } from '../src/widget/build-widget.js';

const result = await ensureWidgetBuilt({ force: process.argv.includes('--force') });
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
console.log(
  `${result.rebuilt ? 'Built' : 'Up to date:'} ${result.outFile} — ${kb(result.bytes)} minified, ${kb(result.gzipBytes)} gzipped`,
);
