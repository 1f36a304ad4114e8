#!/usr/bin/env node
// Runs on `npm install` (prepare), `npm run build` and before tests: generates the Prisma
// client (offline-safe) and compiles TypeScript to dist/. Prints what it does; fails loudly.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import path from "node:path";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const steps = [
  ["generate the Prisma client", process.execPath, [path.join(root, "scripts/prisma-generate.mjs")]],
  ["compile TypeScript", process.execPath, [path.join(root, "node_modules/typescript/bin/tsc"), "-p", path.join(root, "tsconfig.json")]],
];
for (const [what, cmd, args] of steps) {
  const started = Date.now();
  const r = spawnSync(cmd, args, { cwd: root, stdio: ["ignore", "inherit", "inherit"] });
  if (r.status !== 0) {
    console.error(`steward: could not ${what} (exit ${r.status ?? r.signal})`);
    process.exit(r.status ?? 1);
  }
  console.error(`steward: ${what} — ok (${((Date.now() - started) / 1000).toFixed(1)}s)`);
}
