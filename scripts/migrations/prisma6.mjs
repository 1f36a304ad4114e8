// Runs Prisma 6.19's CLI (dev dependency `prisma6`) with its WASM schema engine, offline.
// Prisma 7's `migrate diff` needs a native engine that cannot be downloaded here; Prisma 6 with
// `engine: "js"` and a driver adapter (prisma6.config.mjs: in-process PGlite) needs none.
// Prisma 6 also wants `url = env("DATABASE_URL")` in the datasource, which Prisma 7 forbids, so it
// always reads a temporary copy of the schema with that line added.
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import os from "node:os";
import path from "node:path";

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const schemaPath = path.join(root, "prisma/schema.prisma");
export const migrationsDir = path.join(root, "prisma/migrations");
const configPath = path.join(path.dirname(fileURLToPath(import.meta.url)), "prisma6.config.mjs");

function prisma6Cli() {
  const require = createRequire(path.join(root, "package.json"));
  const dir = path.dirname(require.resolve("prisma6/package.json"));
  const version = JSON.parse(readFileSync(path.join(dir, "package.json"), "utf8")).version;
  if (!version.startsWith("6.")) throw new Error(`prisma6 should be Prisma 6, found ${version}`);
  return path.join(dir, "build/index.js");
}

/** Any executable that exits 1: the CLI checks for native engines it will not use. */
function stubEngine() {
  const dir = path.join(root, "node_modules/.cache/steward");
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, "prisma6-engine-stub");
  writeFileSync(file, "#!/bin/sh\necho 'stub Prisma engine: the WASM engine should have been used' >&2\nexit 1\n", { mode: 0o755 });
  return file;
}

/** A scratch folder holding a Prisma-6-readable copy of a schema; call cleanup() when done. */
export function scratch() {
  const dir = mkdtempSync(path.join(os.tmpdir(), "steward-prisma6-"));
  return {
    dir,
    schemaCopy(from = schemaPath, name = "schema.prisma") {
      const text = readFileSync(from, "utf8");
      const withUrl = text.replace(/(datasource\s+\w+\s*\{)/, '$1\n  url = env("DATABASE_URL")');
      if (withUrl === text) throw new Error(`no datasource block in ${from}`);
      const file = path.join(dir, name);
      writeFileSync(file, withUrl);
      return file;
    },
    cleanup() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Runs `prisma <args>` with Prisma 6. `pgliteDir` makes the adapter's main database that PGlite
 * folder (for `db pull`); otherwise main and shadow databases are empty in-memory PGlite.
 * Resolves to { code, stdout, stderr }; never rejects on a non-zero exit.
 */
export function runPrisma6(args, { pgliteDir } = {}) {
  const stub = stubEngine();
  const env = {
    ...process.env,
    DATABASE_URL: "postgresql://unused@localhost/unused", // read by the schema copy; the adapter is used instead
    PRISMA_SCHEMA_ENGINE_BINARY: stub,
    PRISMA_QUERY_ENGINE_LIBRARY: stub,
    CHECKPOINT_DISABLE: "1",
    PRISMA_HIDE_UPDATE_MESSAGE: "1",
  };
  delete env.STEWARD_DIFF_PGLITE_DIR;
  if (pgliteDir) env.STEWARD_DIFF_PGLITE_DIR = pgliteDir;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [prisma6Cli(), ...args, "--config", configPath], { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? 1, stdout, stderr: stderr.replace(/^Loaded Prisma config from .*\n\n?/m, "") }));
  });
}

/** The SQL that turns what the migrations build into what the schema describes ("" when none). */
export async function diffMigrationsToSchema({ migrations = migrationsDir, schema = schemaPath } = {}) {
  const s = scratch();
  try {
    const from = hasMigrations(migrations) ? ["--from-migrations", migrations] : ["--from-empty"];
    const r = await runPrisma6(["migrate", "diff", ...from, "--to-schema-datamodel", s.schemaCopy(schema), "--script", "--exit-code"]);
    return fromExitCode(r);
  } finally {
    s.cleanup();
  }
}

/** The SQL that builds schema.prisma's tables in an empty database. */
export async function schemaSql({ schema = schemaPath } = {}) {
  const s = scratch();
  try {
    const r = await runPrisma6(["migrate", "diff", "--from-empty", "--to-schema-datamodel", s.schemaCopy(schema), "--script"]);
    if (r.code !== 0) throw new Error(`prisma6 migrate diff failed (exit ${r.code}): ${r.stderr || r.stdout}`);
    return r.stdout;
  } finally {
    s.cleanup();
  }
}

/**
 * Compares a live PGlite database (a folder) with the schema: `db pull` introspects the database
 * into a Prisma schema, then `migrate diff` compares that with schema.prisma at the SQL level.
 */
export async function diffPgliteToSchema(pgliteDir, { schema = schemaPath } = {}) {
  const s = scratch();
  try {
    const pulled = s.schemaCopy(schema, "pulled.prisma");
    const pull = await runPrisma6(["db", "pull", "--schema", pulled], { pgliteDir });
    if (pull.code !== 0) throw new Error(`prisma6 db pull failed (exit ${pull.code}): ${pull.stderr || pull.stdout}`);
    const r = await runPrisma6(["migrate", "diff", "--from-schema-datamodel", pulled, "--to-schema-datamodel", s.schemaCopy(schema), "--script", "--exit-code"]);
    return fromExitCode(r);
  } finally {
    s.cleanup();
  }
}

function fromExitCode(r) {
  if (r.code === 0) return "";
  if (r.code === 2) return r.stdout.trim();
  throw new Error(`prisma6 migrate diff failed (exit ${r.code}): ${r.stderr || r.stdout}`);
}

function hasMigrations(dir) {
  try {
    return readFileSync(path.join(dir, "migration_lock.toml"), "utf8").length > 0;
  } catch {
    return false;
  }
}
