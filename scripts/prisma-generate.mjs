#!/usr/bin/env node
// Generates the Prisma client into src/store/generated, also without internet.
//
// The Prisma 7 CLI insists on its native schema engine even for `generate`, which does not use it,
// and downloads it on first use. Where that engine is missing (no internet, or npm skipped the
// @prisma/engines postinstall) we point PRISMA_SCHEMA_ENGINE_BINARY at a stub that exits 1, for
// this one child process only. Users who have the engine keep the normal CLI untouched.
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { existsSync, lstatSync, mkdirSync, readdirSync, readlinkSync, realpathSync, symlinkSync, unlinkSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import path from "node:path";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(path.join(root, "package.json"));
const prismaDir = path.dirname(require.resolve("prisma/package.json"));
const prismaCli = path.join(prismaDir, "build/index.js");

fixPrismaBinLink();

const env = { ...process.env };
if (!env.PRISMA_SCHEMA_ENGINE_BINARY && !realSchemaEngineExists()) {
  env.PRISMA_SCHEMA_ENGINE_BINARY = writeStub();
  console.error("steward: Prisma schema engine not installed; generating with a stub engine (generate does not need it)");
}
// Telemetry and update checks would only try the network.
env.CHECKPOINT_DISABLE ??= "1";
env.PRISMA_HIDE_UPDATE_MESSAGE ??= "1";

const r = spawnSync(process.execPath, [prismaCli, "generate", "--config", path.join(root, "prisma.config.ts")], {
  cwd: root,
  env,
  encoding: "utf8",
});
if (r.status !== 0) {
  process.stderr.write(r.stdout ?? "");
  process.stderr.write(r.stderr ?? "");
  console.error(`steward: prisma generate failed (exit ${r.status ?? r.signal})`);
  process.exit(r.status ?? 1);
}
const done = `${r.stdout}\n${r.stderr}`.split("\n").find((l) => l.includes("Generated Prisma Client"));
console.error(`steward: ${done?.replace(/^[^A-Za-z]+/, "").trim() ?? "Prisma client generated"}`);

/** The places the Prisma 7 CLI looks for `schema-engine-<platform>` (see its engine resolution). */
function realSchemaEngineExists() {
  const dirs = [prismaDir, path.dirname(prismaDir), path.join(prismaDir, "runtime")];
  try {
    dirs.push(path.dirname(createRequire(path.join(prismaDir, "package.json")).resolve("@prisma/engines/package.json")));
  } catch {
    // @prisma/engines not resolvable from the CLI: nothing more to look at
  }
  return dirs.some((dir) => {
    try {
      return readdirSync(dir).some((f) => /^schema-engine-[a-z0-9._-]+$/i.test(f) && !f.endsWith(".gz") && !f.endsWith(".sha256"));
    } catch {
      return false;
    }
  });
}

function writeStub() {
  const dir = path.join(root, "node_modules/.cache/steward");
  mkdirSync(dir, { recursive: true });
  if (process.platform === "win32") {
    const file = path.join(dir, "schema-engine-stub.cmd");
    writeFileSync(file, "@echo off\r\necho steward: stub Prisma schema engine (offline) 1>&2\r\nexit /b 1\r\n");
    return file;
  }
  // Not an empty file: with one, `migrate deploy` reports success and applies nothing.
  const file = path.join(dir, "schema-engine-stub");
  writeFileSync(file, "#!/bin/sh\necho 'steward: stub Prisma schema engine (offline); install the real one to use this command' >&2\nexit 1\n", { mode: 0o755 });
  return file;
}

/**
 * The `prisma6` dev dependency (Prisma 6's offline WASM schema engine, used for migration diffs)
 * also declares a `prisma` bin, and npm may link node_modules/.bin/prisma to it. Point it back at
 * Prisma 7 so `npx prisma …` keeps meaning the project's Prisma.
 */
function fixPrismaBinLink() {
  const link = path.join(root, "node_modules/.bin/prisma");
  try {
    if (!lstatSync(link).isSymbolicLink()) return;
    const target = realpathSync(link);
    if (target.startsWith(realpathSync(prismaDir) + path.sep)) return;
    if (!/[\\/]prisma6[\\/]/.test(target)) return;
    const wanted = path.relative(path.dirname(link), prismaCli);
    unlinkSync(link);
    symlinkSync(wanted, link);
    console.error(`steward: node_modules/.bin/prisma pointed at Prisma 6; relinked to Prisma 7 (${readlinkSync(link)})`);
  } catch (e) {
    if (existsSync(link)) console.error(`steward: could not check node_modules/.bin/prisma: ${e instanceof Error ? e.message : e}`);
  }
}
