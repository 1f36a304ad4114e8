// Opening the embedded database. PGlite is PostgreSQL compiled to WASM, running in this process.
import { PGlite } from "@electric-sql/pglite";
import { createRequire } from "node:module";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

const pgliteVersion = packageVersion("@electric-sql/pglite");

/**
 * PGlite replaces its default start parameters with these, so they repeat the defaults.
 * shared_buffers=16MB cut RSS from about 485 MB to 365–400 MB here (default 128MB); TimeZone=UTC
 * because the Prisma adapter reads timestamptz as if the session were UTC.
 */
const startParams = [...PGlite.defaultStartParams, "-c", "shared_buffers=16MB", "-c", "TimeZone=UTC"];

export async function openPglite(dbDir: string | undefined): Promise<PGlite> {
  const fresh = !dbDir || !existsSync(path.join(dbDir, "PG_VERSION"));
  if (dbDir && !fresh) checkVersionMarker(dbDir);
  const db = new PGlite({ ...(dbDir ? { dataDir: dbDir } : {}), startParams });
  try {
    await db.waitReady;
  } catch (e) {
    throw new Error(`steward: could not open the database in ${dbDir ?? "memory"}: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
  }
  if (dbDir) writeVersionMarker(dbDir, fresh);
  return db;
}

// A folder made by one PGlite release may not open with another (0.4 → 0.5 could not): record
// which one made it and say so plainly instead of failing deep inside Postgres.
const markerName = "steward-pglite.json";

function checkVersionMarker(dbDir: string): void {
  const marker = path.join(path.dirname(dbDir), markerName);
  if (!existsSync(marker)) return;
  const made = (JSON.parse(readFileSync(marker, "utf8")) as { pglite?: string }).pglite;
  if (made && major(made) !== major(pgliteVersion)) {
    throw new Error(
      `steward: the database in ${dbDir} was made by PGlite ${made}, this Steward uses ${pgliteVersion}, which cannot open it; ` +
        `use the Steward version that made it to export the data, or start with an empty data folder`,
    );
  }
}

function writeVersionMarker(dbDir: string, fresh: boolean): void {
  const marker = path.join(path.dirname(dbDir), markerName);
  if (fresh || !existsSync(marker)) writeFileSync(marker, JSON.stringify({ pglite: pgliteVersion, created: new Date().toISOString() }) + "\n");
}

/** "0.5.16" → "0.5": PGlite's data format changes with the minor version before 1.0. */
function major(v: string): string {
  const [a = "0", b = "0"] = v.split(".");
  return a === "0" ? `0.${b}` : a;
}

/** The package's version (its exports map hides package.json, so walk up from its entry file). */
function packageVersion(name: string): string {
  let dir = path.dirname(createRequire(import.meta.url).resolve(name));
  for (;;) {
    const file = path.join(dir, "package.json");
    if (existsSync(file)) {
      const pkg = JSON.parse(readFileSync(file, "utf8")) as { name?: string; version?: string };
      if (pkg.name === name && pkg.version) return pkg.version;
    }
    const parent = path.dirname(dir);
    if (parent === dir) return "unknown";
    dir = parent;
  }
}
