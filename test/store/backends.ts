// The databases every store test runs on: in-memory PGlite always, PostgreSQL when
// TEST_DATABASE_URL is set (each opened store gets its own schema, dropped on cleanup, so
// parallel test files and parallel runs do not collide).
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { openMemoryStore, openStore, type Store, type StoreOptions } from "../../src/store/index.js";

export interface Backend {
  name: "pglite" | "postgres";
  /** Opens a fresh, migrated, empty database. */
  open(opts?: Omit<StoreOptions, "databaseUrl" | "dataDir">): Promise<Store>;
  /** Options for openStore/migrate pointing at a fresh database (the schema is dropped in cleanup). */
  freshOptions(): StoreOptions;
  /** Drops whatever freshOptions/open created. */
  cleanup(): Promise<void>;
}

const pgUrl = process.env.TEST_DATABASE_URL;

export function backends(): Backend[] {
  const list: Backend[] = [pgliteBackend()];
  if (pgUrl) list.push(postgresBackend(pgUrl));
  else noteSkipOnce();
  return list;
}

function pgliteBackend(): Backend {
  const dirs: string[] = [];
  return {
    name: "pglite",
    open: (opts = {}) => openMemoryStore(opts),
    freshOptions() {
      const dir = mkdtempSync(path.join(os.tmpdir(), "steward-store-"));
      dirs.push(dir);
      return { dataDir: dir };
    },
    async cleanup() {
      for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
    },
  };
}

function postgresBackend(url: string): Backend {
  const schemas: string[] = [];
  const fresh = (): StoreOptions => {
    const schema = `steward_test_${randomBytes(5).toString("hex")}`;
    schemas.push(schema);
    const u = new URL(url);
    u.searchParams.set("schema", schema);
    return { databaseUrl: u.toString() };
  };
  return {
    name: "postgres",
    open: (opts = {}) => openStore({ ...opts, ...fresh() }),
    freshOptions: fresh,
    async cleanup() {
      if (schemas.length === 0) return;
      const u = new URL(url);
      u.searchParams.delete("schema");
      const client = new pg.Client({ connectionString: u.toString() });
      await client.connect();
      try {
        for (const s of schemas.splice(0)) await client.query(`DROP SCHEMA IF EXISTS "${s}" CASCADE`);
      } finally {
        await client.end();
      }
    },
  };
}

/** Says once per test run (not once per test file) why the PostgreSQL variants do not run. */
function noteSkipOnce(): void {
  const marker = path.join(os.tmpdir(), `steward-store-pg-skip-${process.ppid}`);
  try {
    writeFileSync(marker, "", { flag: "wx" });
  } catch {
    return;
  }
  console.warn(
    "store tests: TEST_DATABASE_URL is not set, so the PostgreSQL variants are skipped (only PGlite runs). " +
      "Set it, e.g. TEST_DATABASE_URL=postgresql://postgres@127.0.0.1:5432/test, to run them too.",
  );
}
