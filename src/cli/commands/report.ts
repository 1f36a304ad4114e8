// steward report --month YYYY-MM [--community KEY] [--format md|html|csv|json] [--out FILE]:
// the monthly client report (posted on the 1st by `steward start`; this renders one on demand).
// With --out and --format md the chart is written beside the report as a PNG.
import { writeFileSync } from "node:fs";
import path from "node:path";
import type { Command } from "commander";
import { UserError, type Io } from "../io.js";
import { addStoreOptions, type CommonOptions } from "../shared.js";
import { withInsightsStore } from "../insights-store.js";
import { buildReport, formatReport, reportFormats, type ReportFormat } from "../../insights/report/index.js";
import { lastCompleteMonth, monthRange } from "../../insights/period.js";

interface ReportOptions extends CommonOptions {
  month?: string;
  community?: string;
  format: string;
  out?: string;
}

export function registerReport(program: Command, io: Io): void {
  addStoreOptions(
    program
      .command("report")
      .description("the monthly client report: KPIs with month-over-month change, highlights, moderation summary, chart")
      .option("--month <YYYY-MM>", "calendar month (default: the last complete month in the community's time zone)")
      .option("--community <key>", "the community (its settings key); optional when the store holds one")
      .option("--format <format>", `one of ${reportFormats.join(", ")}`, "md")
      .option("--out <file>", "write to this file instead of standard output"),
  ).action((opts: ReportOptions) => {
    if (!(reportFormats as readonly string[]).includes(opts.format)) throw new UserError(`--format must be one of ${reportFormats.join(", ")} (got "${opts.format}")`, 64);
    const format = opts.format as ReportFormat;
    return withInsightsStore(opts, io, async ({ store, community, settings, timezone }) => {
      const month = opts.month ?? lastCompleteMonth(Date.now(), timezone);
      monthRange(month);
      const report = await buildReport(store.prisma, { community, month, settings });
      if (!opts.out) {
        io.out.write(formatReport(report, format));
        return;
      }
      const file = path.resolve(opts.out);
      let chart: string | undefined;
      if (format === "md") {
        chart = `${path.basename(file).replace(/\.[^.]*$/, "")}-chart.png`;
        writeFileSync(path.join(path.dirname(file), chart), report.chart.png);
      }
      writeFileSync(file, formatReport(report, format, chart));
      io.err.write(`report for ${community}, ${month} (${format}): ${opts.out}${chart ? ` and ${chart}` : ""}\n`);
    });
  });
}
