// Prisma 6 config used only by the migration tools in this folder (never by users or the app).
// Prisma 6.19's schema engine ships as WASM and talks to the database through a driver adapter,
// so `migrate diff` works offline. Main and shadow databases are throwaway in-memory PGlite
// instances, except when STEWARD_DIFF_PGLITE_DIR names a PGlite folder to work on.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "prisma6/config";
import { pgliteMigrationAdapter } from "./pglite-adapter.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  migrations: { path: process.env.STEWARD_MIGRATIONS_DIR || path.join(root, "prisma/migrations") },
  adapter: async () => pgliteMigrationAdapter({ mainDir: process.env.STEWARD_DIFF_PGLITE_DIR }),
});
