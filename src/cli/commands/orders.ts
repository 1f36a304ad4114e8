// steward orders import FILE.csv [--community KEY]: a shop's orders, for attribution to campaigns
// (utm fields) and members' repeat purchases. Headers: docs/insights-links.md. A file with any
// problem imports nothing (each problem: file:line: column: what to fix); a re-import updates
// orders in place.
import path from "node:path";
import type { Command } from "commander";
import { UserError, type Io } from "../io.js";
import { env, requireFile } from "../shared.js";
import { openChosenStore } from "../store.js";
import { createLogger } from "../../log.js";
import { importOrders } from "../../store/orders.js";
import { formatProblem, OrdersLayoutError, readOrdersCsv, type ReadOrders } from "../../insights/orders-csv.js";
import { chooseCommunity } from "./links.js";

const SHOWN_PROBLEMS = 20;
const PROGRESS_FROM = 20_000;

export function registerOrders(program: Command, io: Io): void {
  const orders = program.command("orders").description("a shop's orders: attribution to tracked campaigns and repeat purchases (customers KPIs)");
  orders
    .command("import")
    .description("import (or update) orders from a CSV export: order id, email or customer id, date, amount, utm fields")
    .argument("<file>", "CSV file, one order a row (Shopify's extra line-item rows are fine)")
    .option("--community <key>", "the community the shop belongs to (default: the store's only one)")
    .option("--data-dir <dir>", "folder of the embedded database (default: STEWARD_DATA_DIR or ./data); ignored when DATABASE_URL is set")
    .action(async (file: string, opts: { community?: string; dataDir?: string }) => {
      const e = env(io);
      const full = requireFile(path.resolve(file), "order file");
      const store = await openChosenStore({ env: e, dataDir: opts.dataDir, logger: createLogger({ level: e.LOG_LEVEL === "info" ? "warn" : e.LOG_LEVEL }) });
      try {
        const c = await chooseCommunity(store.prisma, opts.community);
        let read: ReadOrders;
        try {
          read = readOrdersCsv(full, c.timezone);
        } catch (err) {
          if (err instanceof OrdersLayoutError) throw new UserError(err.message.replace(full, file), 65);
          throw err;
        }
        if (read.unknown.length) io.err.write(`${file}: columns ignored: ${read.unknown.join(", ")}\n`);
        if (read.problems.length) {
          for (const p of read.problems.slice(0, SHOWN_PROBLEMS)) io.err.write(`${formatProblem(file, p)}\n`);
          const more = read.problems.length - SHOWN_PROBLEMS;
          throw new UserError(`${file}: ${read.problems.length} problem${read.problems.length === 1 ? "" : "s"}${more > 0 ? ` (${more} more not shown)` : ""}; nothing imported. Fix the file and import it again.`, 65);
        }
        if (!read.orders.length) throw new UserError(`${file}: no orders in the file`, 65);
        const big = read.orders.length >= PROGRESS_FROM;
        if (big) io.err.write(`${file}: ${read.orders.length} orders read; writing…\n`);
        const r = await importOrders(store.prisma, c.id, read.orders, (done, total) => {
          if (big) io.err.write(`  ${done}/${total} orders written (${Math.round((done / total) * 100)}%)\n`);
        });
        const extra = read.continuation ? ` (${read.continuation} further line-item rows of the same orders)` : "";
        const linked = r.membersLinked ? `; ${r.membersLinked} member↔customer links added` : "";
        io.out.write(`${file}: ${read.orders.length} orders read${extra}; ${r.added} new, ${r.updated} updated, for community ${c.key}${linked}\n`);
      } finally {
        await store.close();
      }
    });
}
