// steward migrate: applies the committed SQL migrations to the configured database.
import path from "node:path";
import type { Command } from "commander";
import type { Io } from "../io.js";
import { env } from "../shared.js";
import { migrate } from "../../store/index.js";
import { createLogger } from "../../log.js";

export function registerMigrate(program: Command, io: Io): void {
  program
    .command("migrate")
    .description("apply pending database migrations (also done automatically on start)")
    .option("--data-dir <dir>", "folder of the embedded database (default: STEWARD_DATA_DIR or ./data); ignored when DATABASE_URL is set")
    .action(async (opts: { dataDir?: string }) => {
      const e = env(io);
      const logger = createLogger({ level: e.LOG_LEVEL });
      const target = e.DATABASE_URL ? { databaseUrl: e.DATABASE_URL, logger } : { dataDir: path.resolve(opts.dataDir ?? e.STEWARD_DATA_DIR), logger };
      const r = await migrate(target);
      io.out.write(r.applied.length ? `applied ${r.applied.length} migration(s): ${r.applied.join(", ")}\n` : `database is up to date (${r.alreadyApplied} migration(s) applied earlier)\n`);
    });
}
