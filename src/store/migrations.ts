// Applies the committed SQL migrations (prisma/migrations/<timestamp>_<name>/migration.sql) without
// the Prisma CLI, recording them in Prisma's own `_prisma_migrations` table exactly as
// `prisma migrate deploy` does (same columns, sha256 checksum of the file), so either tool can take
// over from the other. Each migration runs in its own transaction together with its record.
import { createHash, randomUUID } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { MigrationError } from "./errors.js";

export interface MigrationFile {
  /** Folder name, e.g. "20261122190000_init"; also the name recorded in `_prisma_migrations`. */
  name: string;
  file: string;
  sql: string;
  /** sha256 of the file's bytes, hex, as Prisma computes it. */
  checksum: string;
}

export interface SqlSession {
  /** Runs SQL that may hold several statements. */
  exec(sql: string): Promise<void>;
  query<T>(sql: string, params?: unknown[]): Promise<T[]>;
}

/** A database connection the runner can migrate. */
export interface MigrationTarget extends SqlSession {
  transaction(fn: (tx: SqlSession) => Promise<void>): Promise<void>;
  /** Keeps other migrators (another Steward, `prisma migrate deploy`) out while fn runs. */
  withMigrationLock<T>(fn: () => Promise<T>): Promise<T>;
}

export interface MigrateResult {
  applied: string[];
  alreadyApplied: number;
}

type Log = (level: "info" | "warn", msg: string, fields?: object) => void;

// Prisma's own DDL for the table (schema engine, PostgreSQL flavour).
const createMigrationsTable = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

export function readMigrations(dir: string): MigrationFile[] {
  if (!existsSync(dir)) throw new Error(`steward: migrations folder ${dir} does not exist`);
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(path.join(dir, e.name, "migration.sql")))
    .map((e) => e.name)
    .sort() // Prisma orders migrations by folder name
    .map((name) => {
      const file = path.join(dir, name, "migration.sql");
      const bytes = readFileSync(file);
      return { name, file, sql: bytes.toString("utf8"), checksum: createHash("sha256").update(bytes).digest("hex") };
    });
}

interface AppliedRow {
  migration_name: string;
  checksum: string;
  finished_at: Date | string | null;
  rolled_back_at: Date | string | null;
  started_at: Date | string;
}

export async function applyMigrations(target: MigrationTarget, migrations: MigrationFile[], log: Log): Promise<MigrateResult> {
  return target.withMigrationLock(async () => {
    await target.exec(createMigrationsTable);
    const rows = await target.query<AppliedRow>(
      `SELECT migration_name, checksum, finished_at, rolled_back_at, started_at FROM "_prisma_migrations" ORDER BY started_at`,
    );
    const done = new Map<string, AppliedRow>();
    const failed = new Map<string, AppliedRow>();
    for (const r of rows) {
      if (r.rolled_back_at !== null) continue;
      (r.finished_at !== null ? done : failed).set(r.migration_name, r);
    }

    const known = new Set(migrations.map((m) => m.name));
    const unknown = [...done.keys()].filter((n) => !known.has(n));
    if (unknown.length > 0) {
      log("warn", "the database has migrations this version of Steward does not know (was it used by a newer version?)", { migrations: unknown });
    }

    const applied: string[] = [];
    let alreadyApplied = 0;
    for (const m of migrations) {
      const row = done.get(m.name);
      if (row) {
        alreadyApplied++;
        if (row.checksum !== m.checksum) {
          log("warn", `migration ${m.name} was changed after it was applied; the change is not applied`, { file: m.file });
        }
        continue;
      }
      const stuck = failed.get(m.name);
      if (stuck) {
        // Left by a failed `prisma migrate deploy`; Prisma refuses to go on (P3009) and so do we.
        throw new MigrationError(
          m.name,
          m.file,
          new Error(
            `it is recorded as failed in _prisma_migrations (started ${String(stuck.started_at)}); repair the database, then run ` +
              `\`prisma migrate resolve --rolled-back ${m.name}\` or delete that row`,
          ),
        );
      }
      const startedAt = new Date();
      try {
        await target.transaction(async (tx) => {
          await tx.exec(m.sql);
          await tx.query(
            `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, logs, rolled_back_at, started_at, applied_steps_count)
             VALUES ($1, $2, now(), $3, NULL, NULL, $4, 1)`,
            [randomUUID(), m.checksum, m.name, startedAt.toISOString()],
          );
        });
      } catch (e) {
        throw new MigrationError(m.name, m.file, e);
      }
      applied.push(m.name);
      log("info", `applied migration ${m.name}`, { ms: Date.now() - startedAt.getTime() });
    }
    return { applied, alreadyApplied };
  });
}
