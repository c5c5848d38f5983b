// Message scanning (pure: no I/O, no Hono; runs in browsers and Workers).
export { createScanner, type Scanner, type ScannerOptions } from "./scanner.ts";
export { entityView, wordView, normalizeTerm, toOriginal, type Mapped } from "./normalize.ts";
export { compileLexicons, findHits, HOST_CONCEPTS, type CompiledLexicon, type Hit } from "./lexicon.ts";
export { LexiconFileSchema, parseLexicon, type LexiconFile } from "./lexicon-schema.ts";
export { warningFor, WARNING_LANGUAGES } from "./warnings.ts";
export { SCAN_LABELS, type ScanLabel, type ScanContext, type ScanResult, type Finding, type Risk } from "./types.ts";
