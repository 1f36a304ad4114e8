// Prisma 6 config used only by the migration tools in this folder (never by users or the app).
// Prisma 6.19's schema engine ships as WASM and talks to the database through a driver adapter,
// so `migrate diff` works offline. Main and shadow databases are throwaway in-memory PGlite
// instances, except when STEWARD_DIFF_PGLITE_DIR names a PGlite folder to compare against.
import { defineConfig } from "prisma6/config";
import { pgliteMigrationAdapter } from "./pglite-adapter.mjs";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  adapter: async () => pgliteMigrationAdapter({ mainDir: process.env.STEWARD_DIFF_PGLITE_DIR }),
});
