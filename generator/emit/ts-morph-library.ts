// ts-morph, required rather than imported: an ES import of a CommonJS package makes Node scan its
// source for the names it exports, and ts-morph re-exports its own copy of TypeScript (12 MB scanned,
// twice the cost of loading it); required, it is also compiled from ../workers/compile-cache.mjs.
import { createRequire } from 'node:module';

export const tsMorph = createRequire(import.meta.url)('ts-morph') as typeof import('ts-morph');
