#!/usr/bin/env node
// The `steward` command: runs the compiled CLI (npm install / npm run build produce dist/).
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import path from "node:path";

const main = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../dist/src/cli/main.js");
if (!existsSync(main)) {
  console.error("steward: not built yet; run `npm install` (or `npm run build`) in the steward folder first");
  process.exit(1);
}
const { runCli } = await import(main);
process.exitCode = await runCli(process.argv.slice(2));
