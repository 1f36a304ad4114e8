// steward customers import FILE.csv --community KEY: the customer list screening verifies
// order numbers and emails against. Columns name, email, order (aliases: docs/onboarding.md);
// a re-import updates names and adds new keys, nothing is deleted.
import path from "node:path";
import type { Command } from "commander";
import { UserError, type Io } from "../io.js";
import { env, requireFile } from "../shared.js";
import { openChosenStore } from "../store.js";
import { createLogger } from "../../log.js";
import { importCustomers } from "../../store/customers.js";
import { CsvLayoutError, readCustomerRecords } from "../../onboarding/customers-csv.js";

interface ImportOptions {
  community: string;
  platform: string;
  dataDir?: string;
}

export function registerCustomers(program: Command, io: Io): void {
  const customers = program.command("customers").description("the customer list used to verify applicants during screening");
  customers
    .command("import")
    .description("import (or update) customers from a CSV file with columns name, email, order")
    .argument("<file>", "CSV file; one customer a row; an email or an order number (or both) per row")
    .requiredOption("--community <key>", "the community the list belongs to (its settings key, e.g. acme)")
    .option("--platform <name>", "platform of a community not seen before", "discord")
    .option("--data-dir <dir>", "folder of the embedded database (default: STEWARD_DATA_DIR or ./data); ignored when DATABASE_URL is set")
    .action(async (file: string, opts: ImportOptions) => {
      const e = env(io);
      const full = requireFile(path.resolve(file), "customer list");
      let read: ReturnType<typeof readCustomerRecords>;
      try {
        read = readCustomerRecords(full);
      } catch (err) {
        if (err instanceof CsvLayoutError) throw new UserError(err.message.replace(full, file), 65);
        throw err;
      }
      for (const s of read.skipped) io.err.write(`${file}:${s.line}: ${s.reason}; row skipped\n`);
      if (read.unknown.length) io.err.write(`${file}: columns ignored: ${read.unknown.join(", ")}\n`);
      if (!read.records.length) throw new UserError(`${file}: no customer rows to import (${read.skipped.length} skipped)`, 65);
      const logger = createLogger({ level: e.LOG_LEVEL === "info" ? "warn" : e.LOG_LEVEL });
      const store = await openChosenStore({ env: e, dataDir: opts.dataDir, logger });
      try {
        const r = await importCustomers(store.prisma, opts.community, opts.platform, read.records);
        io.out.write(`${file}: ${read.records.length} customers read (${read.skipped.length} rows skipped); ${r.added} new keys, ${r.updated} updated, for community ${opts.community}\n`);
      } finally {
        await store.close();
      }
    });
}
