/** Vitest setup file: each test file's temporary folders are removed after its last test and hooks. */
import { afterAll } from 'vitest';
import { removeTempDirs } from './temp-dir.js';

afterAll(removeTempDirs);
