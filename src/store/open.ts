// Opening a store: PGlite in a data folder (default), PGlite in memory (tests, eval), or
// PostgreSQL when a URL is given. Opening takes the data-folder lock and applies pending
// migrations before the Prisma client is handed out.
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import pg from "pg";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { PrismaClient } from "./generated/client.js";
import { lockDataDir, type DataDirLock } from "./lock.js";
import { defaultMigrationsDir } from "./migrations-dir.js";
import { applyMigrations, readMigrations, type MigrateResult, type MigrationTarget, type SqlSession } from "./migrations.js";
import { openPglite } from "./pglite.js";
import { parseDatabaseUrl, poolConfig, type PgTarget } from "./postgres.js";
import type { Store, StoreLogger, StoreOptions } from "./types.js";

export const DEFAULT_DATA_DIR = "./data";
/** The embedded database lives in this subfolder of the data folder, beside the lock. */
const PGLITE_SUBDIR = "pglite";
/** The advisory lock key `prisma migrate deploy` takes, so the two never migrate at once. */
const PRISMA_ADVISORY_LOCK = 72707369;

export async function openStore(opts: StoreOptions = {}): Promise<Store> {
  return opts.databaseUrl ? openPostgres(opts.databaseUrl, opts) : openDataDir(opts.dataDir ?? DEFAULT_DATA_DIR, opts);
}

/** An in-memory PGlite database, migrated: for tests and evaluation runs. Nothing is written to disk. */
export async function openMemoryStore(opts: Pick<StoreOptions, "logger" | "migrationsDir"> = {}): Promise<Store> {
  const db = await openPglite(undefined);
  return finishPglite(db, "memory", undefined, opts);
}

/** Applies pending migrations and closes again (`steward migrate`). */
export async function migrate(opts: StoreOptions = {}): Promise<MigrateResult> {
  if (opts.databaseUrl) {
    const target = parseDatabaseUrl(opts.databaseUrl);
    const pool = new pg.Pool(poolConfig(target));
    try {
      return await migratePostgres(pool, target, opts);
    } finally {
      await pool.end();
    }
  }
  const shown = opts.dataDir ?? DEFAULT_DATA_DIR;
  const dir = path.resolve(shown);
  mkdirSync(dir, { recursive: true });
  const lock = lockDataDir(dir, shown);
  let db: PGlite | undefined;
  try {
    db = await openPglite(path.join(dir, PGLITE_SUBDIR));
    return await migratePglite(db, opts);
  } finally {
    if (db && !db.closed) await db.close();
    lock.release();
  }
}

async function openDataDir(shown: string, opts: StoreOptions): Promise<Store> {
  const dir = path.resolve(shown);
  mkdirSync(dir, { recursive: true });
  const lock = lockDataDir(dir, shown);
  let db: PGlite | undefined;
  try {
    db = await openPglite(path.join(dir, PGLITE_SUBDIR));
    return await finishPglite(db, dir, lock, opts);
  } catch (e) {
    if (db && !db.closed) await db.close().catch(() => undefined);
    lock.release();
    throw e;
  }
}

async function finishPglite(db: PGlite, location: string, lock: DataDirLock | undefined, opts: StoreOptions): Promise<Store> {
  const migrations = await migratePglite(db, opts);
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(db) });
  return makeStore(prisma, "pglite", location, migrations, async () => {
    await prisma.$disconnect();
    if (!db.closed) await db.close();
    lock?.release();
  });
}

async function openPostgres(url: string, opts: StoreOptions): Promise<Store> {
  const target = parseDatabaseUrl(url);
  const pool = new pg.Pool(poolConfig(target));
  // An idle client losing its connection must not crash the process; queries report their own errors.
  pool.on("error", (e) => log(opts.logger, "warn", "PostgreSQL connection error", { error: e.message, database: target.shown }));
  try {
    const migrations = await migratePostgres(pool, target, opts);
    const prisma = new PrismaClient({ adapter: new PrismaPg(pool, target.schema ? { schema: target.schema } : undefined) });
    return makeStore(prisma, "postgres", target.shown, migrations, async () => {
      await prisma.$disconnect();
      await pool.end();
    });
  } catch (e) {
    await pool.end().catch(() => undefined);
    throw e;
  }
}

function makeStore(prisma: PrismaClient, kind: Store["kind"], location: string, migrations: MigrateResult, shut: () => Promise<void>): Store {
  let closing: Promise<void> | undefined;
  // A forgotten close() would keep Node alive (PGlite) or the pool open; close when the loop empties.
  const onBeforeExit = () => void store.close().catch(() => undefined);
  process.once("beforeExit", onBeforeExit);
  const store: Store = {
    prisma,
    kind,
    location,
    migrations,
    close() {
      closing ??= (async () => {
        process.off("beforeExit", onBeforeExit);
        await shut();
      })();
      return closing;
    },
  };
  return store;
}

async function migratePglite(db: PGlite, opts: StoreOptions): Promise<MigrateResult> {
  const session = (q: Pick<PGlite, "exec" | "query">): SqlSession => ({
    exec: async (sql) => void (await q.exec(sql)),
    query: async <T>(sql: string, params?: unknown[]) => (await q.query<T>(sql, params)).rows,
  });
  const target: MigrationTarget = {
    ...session(db),
    transaction: (fn) => db.transaction((tx) => fn(session(tx))),
    withMigrationLock: (fn) => fn(), // one process per data folder (lock.ts), one connection
  };
  return runMigrations(target, opts);
}

async function migratePostgres(pool: pg.Pool, t: PgTarget, opts: StoreOptions): Promise<MigrateResult> {
  let client: pg.PoolClient;
  try {
    client = await pool.connect();
  } catch (e) {
    throw new Error(`steward: cannot connect to PostgreSQL at ${t.shown}: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
  }
  try {
    if (t.schema) await client.query(`CREATE SCHEMA IF NOT EXISTS "${t.schema}"`);
    const session = (c: pg.PoolClient): SqlSession => ({
      exec: async (sql) => void (await c.query(sql)), // no parameters: simple protocol, several statements allowed
      query: async <T>(sql: string, params?: unknown[]) => (await c.query(sql, params)).rows as T[],
    });
    const target: MigrationTarget = {
      ...session(client),
      async transaction(fn) {
        await client.query("BEGIN");
        try {
          await fn(session(client));
          await client.query("COMMIT");
        } catch (e) {
          await client.query("ROLLBACK").catch(() => undefined);
          throw e;
        }
      },
      async withMigrationLock(fn) {
        await client.query("SELECT pg_advisory_lock($1)", [PRISMA_ADVISORY_LOCK]);
        try {
          return await fn();
        } finally {
          await client.query("SELECT pg_advisory_unlock($1)", [PRISMA_ADVISORY_LOCK]).catch(() => undefined);
        }
      },
    };
    return await runMigrations(target, opts);
  } finally {
    client.release();
  }
}

async function runMigrations(target: MigrationTarget, opts: StoreOptions): Promise<MigrateResult> {
  const migrations = readMigrations(opts.migrationsDir ?? defaultMigrationsDir());
  return applyMigrations(target, migrations, (level, msg, fields) => log(opts.logger, level, msg, fields));
}

function log(logger: StoreLogger | undefined, level: "info" | "warn", msg: string, fields?: object): void {
  if (!logger) return;
  if (fields) logger[level](fields, msg);
  else logger[level](msg);
}
