// steward digest [--week YYYY-Www] [--community KEY] [--print] [--out DIR]: one community's
// weekly digest on demand (the scheduled one is posted by `steward start`). --print writes the
// text to standard output; otherwise the text and the chart go to files in --out.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Command } from "commander";
import type { Io } from "../io.js";
import { addStoreOptions, type CommonOptions } from "../shared.js";
import { withInsightsStore } from "../insights-store.js";
import { buildDigest } from "../../insights/digest/index.js";
import { lastCompleteIsoWeek, isoWeekRange } from "../../insights/period.js";

interface DigestOptions extends CommonOptions {
  week?: string;
  community?: string;
  print?: boolean;
  out?: string;
}

export function registerDigest(program: Command, io: Io): void {
  addStoreOptions(
    program
      .command("digest")
      .description("render a community's weekly digest for community managers (text and an 8-week activity chart)")
      .option("--week <YYYY-Www>", "ISO week, e.g. 2026-W47 (default: the last complete week in the community's time zone)")
      .option("--community <key>", "the community (its settings key); optional when the store holds one")
      .option("--print", "print the digest text to standard output (the chart is written only with --out)")
      .option("--out <dir>", "folder for the digest text (.md) and chart (.png); default: the current folder"),
  ).action((opts: DigestOptions) =>
    withInsightsStore(opts, io, async ({ store, community, settings, timezone }) => {
      const week = opts.week ?? lastCompleteIsoWeek(Date.now(), timezone);
      isoWeekRange(week);
      const digest = await buildDigest(store.prisma, { community, week, settings });
      if (opts.print) io.out.write(digest.text + "\n");
      if (!opts.print || opts.out) {
        const dir = path.resolve(opts.out ?? ".");
        mkdirSync(dir, { recursive: true });
        const text = path.join(dir, digest.chartName.replace(/-activity\.png$/, "-digest.md"));
        const chart = path.join(dir, digest.chartName);
        writeFileSync(text, digest.text + "\n");
        writeFileSync(chart, digest.chart.png);
        io.err.write(`digest for ${community}, ${week}: ${shown(text)}, chart ${shown(chart)}\n`);
      }
    }),
  );
}

/** A path relative to the current folder when inside it, else absolute. */
function shown(file: string): string {
  const rel = path.relative(process.cwd(), file);
  return rel.startsWith("..") ? file : rel;
}
