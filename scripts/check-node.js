#!/usr/bin/env node
// Guard run before `start`, `test` and `bench`: teammark runs TypeScript directly
// with Node's built-in type stripping, which needs Node 24. The project pins
// node@24 as a devDependency so npm scripts and npx find it first on PATH; this
// guard explains what went wrong when they don't (e.g. `npm ci --ignore-scripts`
// skipped the download of the pinned node binary).
const major = Number(process.versions.node.split(".")[0]);
if (major < 24) {
  console.error(
    `teammark needs Node 24 or newer, but this is Node ${process.versions.node} (${process.execPath}).\n` +
      "Run `npm install` (without --ignore-scripts) so the pinned node@24 devDependency is installed,\n" +
      "then use the npm scripts or `npx teammark`, which put it first on PATH.",
  );
  process.exit(1);
}
