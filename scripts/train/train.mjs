#!/usr/bin/env node
// Runs the compiled trainer (scripts/train/train.ts → dist/scripts/train/train.js; `npm run build`
// first). Without a build: `npx tsx scripts/train/train.ts` takes the same options.
// Usage: node scripts/train/train.mjs --model offensive
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import path from "node:path";

const compiled = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../dist/scripts/train/train.js");
if (!existsSync(compiled)) {
  console.error("train: not built yet; run `npm run build` first, or use `npx tsx scripts/train/train.ts`");
  process.exit(1);
}
const { main } = await import(compiled);
process.exitCode = await main(process.argv.slice(2));
