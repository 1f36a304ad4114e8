// Applying migrations: idempotency, Prisma's bookkeeping, failures, and compatibility with
// Prisma's own `migrate deploy` / `migrate status`.
import { createHash } from "node:crypto";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { migrate, MigrationError, openStore, type StoreLogger } from "../../src/store/index.js";
import { readMigrations } from "../../src/store/migrations.js";
import { runPrisma6, scratch } from "../../scripts/migrations/prisma6.mjs";
import { backends } from "./backends.js";

const realMigrations = path.resolve("prisma/migrations");
const tmpDirs: string[] = [];
afterAll(() => {
  for (const d of tmpDirs) rmSync(d, { recursive: true, force: true });
});

/** A copy of the real migrations folder plus extra migrations { name: sql }. */
function migrationsWith(extra: Record<string, string>): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "steward-migrations-"));
  tmpDirs.push(dir);
  cpSync(realMigrations, dir, { recursive: true });
  for (const [name, sql] of Object.entries(extra)) {
    mkdirSync(path.join(dir, name));
    writeFileSync(path.join(dir, name, "migration.sql"), sql);
  }
  return dir;
}

function recordingLogger() {
  const lines: { level: string; msg: string }[] = [];
  const logger: StoreLogger = {
    info: (o, m) => void lines.push({ level: "info", msg: typeof o === "string" ? o : (m ?? "") }),
    warn: (o, m) => void lines.push({ level: "warn", msg: typeof o === "string" ? o : (m ?? "") }),
  };
  return { logger, lines };
}

const allNames = readMigrations(realMigrations).map((m) => m.name);

for (const backend of backends()) {
  describe(`migrations on ${backend.name}`, () => {
    afterAll(() => backend.cleanup());

    it("applies everything once, then nothing (migrate and openStore)", async () => {
      const opts = backend.freshOptions();
      expect(await migrate(opts)).toEqual({ applied: allNames, alreadyApplied: 0 });
      expect(await migrate(opts)).toEqual({ applied: [], alreadyApplied: allNames.length });
      const store = await openStore(opts);
      try {
        expect(store.migrations).toEqual({ applied: [], alreadyApplied: allNames.length });
      } finally {
        await store.close();
      }
    });

    it("records migrations in _prisma_migrations as Prisma does (sha256 of the file)", async () => {
      const store = await backend.open();
      try {
        const rows = await store.prisma.$queryRaw<
          { id: string; checksum: string; migration_name: string; logs: string | null; finished_at: Date | null; rolled_back_at: Date | null; applied_steps_count: number }[]
        >`SELECT id, checksum, migration_name, logs, finished_at, rolled_back_at, applied_steps_count FROM "_prisma_migrations" ORDER BY migration_name`;
        expect(rows.map((r) => r.migration_name)).toEqual(allNames);
        for (const r of rows) {
          const file = readFileSync(path.join(realMigrations, r.migration_name, "migration.sql"));
          expect(r.checksum).toBe(createHash("sha256").update(file).digest("hex"));
          expect(r.id).toMatch(/^[0-9a-f-]{36}$/);
          expect(r).toMatchObject({ logs: null, rolled_back_at: null, applied_steps_count: 1 });
          expect(r.finished_at).not.toBeNull();
        }
      } finally {
        await store.close();
      }
    });

    it("applies only new migrations to an existing database", async () => {
      const opts = backend.freshOptions();
      await migrate(opts);
      const dir = migrationsWith({ "29990101000000_add_notes": 'ALTER TABLE "members" ADD COLUMN "notes" TEXT;\n' });
      expect(await migrate({ ...opts, migrationsDir: dir })).toEqual({ applied: ["29990101000000_add_notes"], alreadyApplied: allNames.length });
      const store = await openStore({ ...opts, migrationsDir: dir });
      try {
        expect(store.migrations.applied).toEqual([]);
        const cols = await store.prisma.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM information_schema.columns WHERE table_name = 'members' AND column_name = 'notes' AND table_schema = current_schema()`;
        expect(cols[0]?.n).toBe(1);
      } finally {
        await store.close();
      }
    });

    it("names the failing file, keeps nothing of that migration, and applies it once fixed", async () => {
      const opts = backend.freshOptions();
      const name = "29990101000000_broken";
      const dir = migrationsWith({ [name]: 'CREATE TABLE "half_done" (id int);\nSELECT * FROM "no_such_table";\n' });
      const failure = await migrate({ ...opts, migrationsDir: dir }).catch((e: unknown) => e);
      expect(failure).toBeInstanceOf(MigrationError);
      const err = failure as MigrationError;
      expect(err.message).toContain(name);
      expect(err.message).toContain(path.join(dir, name, "migration.sql"));
      expect(err.message).toMatch(/no_such_table/);

      // The earlier migrations stay applied; the broken one left no table and no record.
      writeFileSync(path.join(dir, name, "migration.sql"), 'CREATE TABLE "half_done" (id int);\n');
      expect(await migrate({ ...opts, migrationsDir: dir })).toEqual({ applied: [name], alreadyApplied: allNames.length });
    });

    it("refuses a migration Prisma recorded as failed, and warns about edited or unknown ones", async () => {
      const opts = backend.freshOptions();
      const { logger, lines } = recordingLogger();
      const edited = migrationsWith({ "29990101000000_extra": "SELECT 1;\n" });
      await migrate({ ...opts, migrationsDir: edited });
      writeFileSync(path.join(edited, "29990101000000_extra", "migration.sql"), "SELECT 2;\n");
      await migrate({ ...opts, migrationsDir: edited, logger });
      expect(lines).toContainEqual({ level: "warn", msg: expect.stringContaining("29990101000000_extra was changed after it was applied") });

      // Back on the real folder, the extra migration is unknown to this "version".
      await migrate({ ...opts, logger });
      expect(lines).toContainEqual({ level: "warn", msg: expect.stringContaining("does not know") });

      const store = await openStore(opts);
      await store.prisma.$executeRaw`INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at) VALUES ('00000000-0000-0000-0000-000000000001', 'x', '29990101000001_stuck', now())`;
      await store.close();
      const stuck = migrationsWith({ "29990101000001_stuck": "SELECT 1;\n" });
      await expect(migrate({ ...opts, migrationsDir: stuck })).rejects.toThrow(/29990101000001_stuck.*recorded as failed/);
    });
  });
}

describe("compatibility with Prisma's own migrate commands (Prisma 6 WASM engine on PGlite)", () => {
  const run = async (args: string[], pgliteDir: string) => {
    const s = scratch();
    try {
      return await runPrisma6([...args, "--schema", s.schemaCopy()], { pgliteDir });
    } finally {
      s.cleanup();
    }
  };

  it("prisma migrate status sees Steward's migrations as applied", async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), "steward-compat-"));
    tmpDirs.push(dataDir);
    await migrate({ dataDir });
    const status = await run(["migrate", "status"], path.join(dataDir, "pglite"));
    expect(status.stdout).toContain("Database schema is up to date!");
    expect(status.code).toBe(0);
  });

  it("Steward sees migrations applied by prisma migrate deploy", async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), "steward-compat-"));
    tmpDirs.push(dataDir);
    const deploy = await run(["migrate", "deploy"], path.join(dataDir, "pglite"));
    expect(deploy.stdout).toContain("All migrations have been successfully applied.");
    expect(await migrate({ dataDir })).toEqual({ applied: [], alreadyApplied: allNames.length });
  });
});
