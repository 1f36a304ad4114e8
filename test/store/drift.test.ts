// Drift: the database built by applying the committed migrations must be exactly what
// prisma/schema.prisma describes. Two independent checks, each shown able to fail:
// 1. Prisma 6's WASM schema engine: migrations → schema diff, and `db pull` of a database that
//    Steward's own runner migrated → schema diff (`migrate diff --exit-code`).
// 2. On every backend (PGlite and PostgreSQL): the catalog (tables, columns, defaults, indexes,
//    constraints, enums) of a database migrated by Steward equals that of a database built
//    directly from schema.prisma's SQL.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrate, openStore, type Store } from "../../src/store/index.js";
import { diffMigrationsToSchema, diffPgliteToSchema, schemaPath, schemaSql } from "../../scripts/migrations/prisma6.mjs";
import { backends } from "./backends.js";
import { catalogOf } from "./catalog.js";

const tmp: string[] = [];
const tmpDir = (prefix: string) => {
  const d = mkdtempSync(path.join(os.tmpdir(), prefix));
  tmp.push(d);
  return d;
};
afterAll(() => {
  for (const d of tmp) rmSync(d, { recursive: true, force: true });
});

describe("migrations match schema.prisma (Prisma 6 schema engine)", () => {
  it("the committed migrations build exactly schema.prisma", async () => {
    expect(await diffMigrationsToSchema()).toBe("");
  });

  it("reports a schema change that no migration holds", async () => {
    const changed = path.join(tmpDir("steward-drift-"), "schema.prisma");
    const text = readFileSync(schemaPath, "utf8").replace(/(model Member \{\n)/, '$1  driftProbe String? @map("drift_probe")\n');
    expect(text).toContain("drift_probe");
    writeFileSync(changed, text);
    const sql = await diffMigrationsToSchema({ schema: changed });
    expect(sql).toMatch(/ALTER TABLE "members" ADD COLUMN\s+"drift_probe" TEXT/);
  });

  describe("a database migrated by Steward (PGlite folder), introspected", () => {
    let dataDir: string;
    beforeAll(async () => {
      dataDir = tmpDir("steward-drift-db-");
      await migrate({ dataDir });
    });

    it("matches schema.prisma", async () => {
      expect(await diffPgliteToSchema(path.join(dataDir, "pglite"))).toBe("");
    });

    it("is reported when it differs", async () => {
      const store = await openStore({ dataDir });
      try {
        await store.prisma.$executeRawUnsafe(`ALTER TABLE "members" ADD COLUMN "surprise" INTEGER`);
        await store.prisma.$executeRawUnsafe(`DROP INDEX "cases_member_id_idx"`);
      } finally {
        await store.close();
      }
      const sql = await diffPgliteToSchema(path.join(dataDir, "pglite"));
      expect(sql).toContain(`DROP COLUMN "surprise"`);
      expect(sql).toContain(`CREATE INDEX "cases_member_id_idx"`);
    });
  });
});

for (const backend of backends()) {
  describe(`catalog of a Steward-migrated database equals schema.prisma's on ${backend.name}`, () => {
    let migrated: Store;
    let direct: Store;
    beforeAll(async () => {
      // The "direct" database runs schema.prisma's full SQL as its only migration.
      const dir = tmpDir("steward-direct-");
      mkdirSync(path.join(dir, "00000000000000_schema"));
      writeFileSync(path.join(dir, "00000000000000_schema", "migration.sql"), await schemaSql());
      writeFileSync(path.join(dir, "migration_lock.toml"), 'provider = "postgresql"\n');
      [migrated, direct] = await Promise.all([backend.open(), backend.open({ migrationsDir: dir })]);
    });
    afterAll(async () => {
      await migrated?.close();
      await direct?.close();
      await backend.cleanup();
    });

    it("has the same tables, columns, defaults, indexes, constraints and enums", async () => {
      const [a, b] = [await catalogOf(migrated.prisma), await catalogOf(direct.prisma)];
      expect(a.columns.length).toBeGreaterThan(50);
      expect(a.indexes.length).toBeGreaterThan(10);
      expect(a).toEqual(b);
    });

    it("differs once the migrated database is changed by hand", async () => {
      await migrated.prisma.$executeRawUnsafe(`ALTER TABLE "strikes" ALTER COLUMN "points" SET DEFAULT 3`);
      const [a, b] = [await catalogOf(migrated.prisma), await catalogOf(direct.prisma)];
      expect(a).not.toEqual(b);
      expect(a.columns.find((c) => c.startsWith("strikes.points "))).toContain("default 3");
    });
  });
}
