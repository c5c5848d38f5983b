// Shared Unicode utilities (pure: no I/O, runs in browsers and Workers).
export { prototypeOf, skeleton, confusablePairs, CONFUSABLES_SOURCE, CONFUSABLES_UNICODE_VERSION, CONFUSABLES_ENTRIES } from "./confusables.ts";
export { isDefaultIgnorable, removeDefaultIgnorables, findDefaultIgnorables } from "./ignorables.ts";
export { hasBidiControls, findBidiControls } from "./bidi.ts";
export { scriptOf, scriptsOf, isMixedScript } from "./scripts.ts";
