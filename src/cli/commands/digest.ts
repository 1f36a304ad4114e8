// steward digest [--week YYYY-Www] [--community KEY] [--print] [--out DIR]: one community's
// weekly digest on demand (the scheduled one is posted by `steward start`). --print writes the
// text to standard output; otherwise the text and the chart go to files in --out.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Command } from "commander";
import { UserError, type Io } from "../io.js";
import { addStoreOptions, env, loadSettings, type CommonOptions } from "../shared.js";
import { openChosenStore } from "../store.js";
import { createLogger } from "../../log.js";
import { buildDigest } from "../../insights/digest/index.js";
import { lastCompleteIsoWeek, PeriodError, isoWeekRange } from "../../insights/period.js";
import { listCommunities, UnknownCommunityError } from "../../insights/community.js";

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
  ).action(async (opts: DigestOptions) => {
    const e = env(io);
    const settings = await loadSettings(opts, io, e);
    const logger = createLogger({ level: e.LOG_LEVEL === "info" ? "warn" : e.LOG_LEVEL });
    const store = await openChosenStore({ env: e, dataDir: opts.dataDir, logger });
    try {
      const community = opts.community ?? (await onlyCommunity(store.prisma));
      const s = settings.get(community);
      const tz = (await store.prisma.community.findUnique({ where: { key: community }, select: { timezone: true } }))?.timezone ?? s.timezone;
      const week = opts.week ?? lastCompleteIsoWeek(Date.now(), tz);
      isoWeekRange(week);
      const digest = await buildDigest(store.prisma, { community, week, settings: s });
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
    } catch (err) {
      if (err instanceof PeriodError || err instanceof UnknownCommunityError) throw new UserError(err.message, 64);
      throw err;
    } finally {
      await store.close();
    }
  });
}

/** A path relative to the current folder when inside it, else absolute. */
function shown(file: string): string {
  const rel = path.relative(process.cwd(), file);
  return rel.startsWith("..") ? file : rel;
}

export async function onlyCommunity(prisma: Parameters<typeof listCommunities>[0]): Promise<string> {
  const all = await listCommunities(prisma);
  if (all.length === 1) return all[0]!.key;
  if (all.length === 0) throw new UserError("the store has no communities yet (run steward start or steward replay first)", 65);
  throw new UserError(`the store has ${all.length} communities: choose one with --community (${all.map((c) => c.key).join(", ")})`, 64);
}
