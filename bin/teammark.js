#!/usr/bin/env node
// The `teammark` command. npx puts the pinned node@24 first on PATH, which runs
// the TypeScript sources directly (type stripping); older nodes get a clear message.
const major = Number(process.versions.node.split(".")[0]);
if (major < 24) {
  console.error(`teammark needs Node 24 or newer (found ${process.versions.node}). Run it through npx or an npm script after \`npm install\`.`);
  process.exit(1);
}
const { main } = await import("../src/cli/main.ts");
process.exitCode = await main(process.argv.slice(2));
