// steward kpi --month YYYY-MM [--community KEY] [--json]: a month's KPIs (docs/kpis.md) per
// community, from the store's rollups. Without --community: every community in the store.
import type { Command } from "commander";
import { UserError, type Io } from "../io.js";
import { env } from "../shared.js";
import { openChosenStore } from "../store.js";
import { createLogger } from "../../log.js";
import { computeKpis, findCommunity, listCommunities, monthRange, PeriodError, UnknownCommunityError, type Kpis } from "../../insights/index.js";
import { formatKpis, monthTitle } from "../../insights/format.js";

interface KpiOptions {
  month: string;
  community?: string;
  json?: boolean;
  dataDir?: string;
}

export function registerKpi(program: Command, io: Io): void {
  program
    .command("kpi")
    .description("a calendar month's community KPIs (docs/kpis.md): growth, engagement, response times, moderation, testimonials")
    .requiredOption("--month <YYYY-MM>", "the month, in each community's time zone, e.g. 2026-10")
    .option("--community <key>", "only this community (its settings key); default: every community in the store")
    .option("--json", "machine output: a JSON array with one object per community")
    .option("--data-dir <dir>", "folder of the embedded database (default: STEWARD_DATA_DIR or ./data); ignored when DATABASE_URL is set")
    .action(async (opts: KpiOptions) => {
      let period;
      try {
        period = monthRange(opts.month);
      } catch (e) {
        if (e instanceof PeriodError) throw new UserError(`--month: ${e.message}`, 64);
        throw e;
      }
      const e = env(io);
      const store = await openChosenStore({ env: e, dataDir: opts.dataDir, logger: createLogger({ level: e.LOG_LEVEL === "info" ? "warn" : e.LOG_LEVEL }) });
      const all: Kpis[] = [];
      try {
        const keys = opts.community ? [(await findCommunity(store.prisma, opts.community)).key] : (await listCommunities(store.prisma)).map((c) => c.key);
        if (!keys.length) throw new UserError("the store has no communities yet: run steward start or steward replay first (or pass --data-dir / DATABASE_URL for another store)", 65);
        for (const community of keys) all.push(await computeKpis(store.prisma, { community, ...period }));
      } catch (err) {
        if (err instanceof UnknownCommunityError) throw new UserError(err.message, 65);
        throw err;
      } finally {
        await store.close();
      }
      if (opts.json) io.out.write(JSON.stringify(all, null, 2) + "\n");
      else io.out.write(all.map((k) => formatKpis(k, monthTitle(opts.month))).join("\n"));
    });
}
