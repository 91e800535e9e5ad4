/** Entry point of `npm run model:fixture`: regenerates test/fixtures/tiny-model (or the folder given as the first argument). */
import path from 'node:path';
import { writeFixtureModel } from './fixture-model/write-fixture-model.js';

const target = path.resolve(process.argv[2] ?? 'test/fixtures/tiny-model');
const files = await writeFixtureModel(target);
console.log(`Wrote ${files.length} files to ${target}: ${files.join(', ')}`);
