// steward start: connects the platforms configured in the environment; with none, runs the
// bundled demo community through the full pipeline and exits.
import type { Command } from "commander";
import { importCustomers, PrismaCustomers } from "../../store/customers.js";
import { readCustomerRecords } from "../../onboarding/customers-csv.js";
import { UserError, type Io } from "../io.js";
import { addRulesOption, addStoreOptions, env, loadLibrary, loadSettings, rulesDirFrom, type CommonOptions } from "../shared.js";
import { configuredPlatforms } from "../../config/env.js";
import { runReplay, formatSummary } from "../../platforms/replay/run.js";
import { withStore } from "../store.js";
import { createLogger } from "../../log.js";
import { bundledPath } from "../../util/paths.js";
import { runDiscord } from "../discord.js";
import { parseShardCount, runShards } from "../shards.js";
import { demoDigest, type DemoDigest } from "../demo-digest.js";

export function registerStart(program: Command, io: Io): void {
  const cmd = program
    .command("start")
    .description("connect the platforms configured in the environment (DISCORD_TOKEN, SLACK_BOT_TOKEN); with none, run the bundled demo");
  cmd.option("--platform <name>", "discord or slack, when both DISCORD_TOKEN and SLACK_BOT_TOKEN are set");
  cmd.option("--shards <count>", 'Discord: run this many shards (or "auto"), one process each, on PostgreSQL (DATABASE_URL)');
  addRulesOption(cmd);
  addStoreOptions(cmd);
  cmd.action(async (opts: CommonOptions & { shards?: string; platform?: string }) => {
    const e = env(io);
    const platforms = configuredPlatforms(e);
    // One platform a process: with both tokens set, --platform picks (run a second process for the other).
    if (opts.platform && !["discord", "slack"].includes(opts.platform)) throw new UserError(`--platform must be discord or slack, not ${opts.platform}`, 64);
    if (opts.platform && !platforms.includes(opts.platform)) throw new UserError(`--platform ${opts.platform}: set ${opts.platform === "slack" ? "SLACK_BOT_TOKEN" : "DISCORD_TOKEN"}`, 78);
    if (!opts.platform && platforms.length > 1) throw new UserError("both DISCORD_TOKEN and SLACK_BOT_TOKEN are set: choose one with --platform discord|slack (one platform a process)", 64);
    if ((opts.platform ?? platforms[0]) === "slack") {
      if (opts.shards) throw new UserError("--shards is for Discord", 64);
      // Loaded only for Slack: Bolt costs every other command half a second at start.
      const { runSlack } = await import("../slack.js");
      await runSlack(opts, io, e);
      return;
    }
    if (platforms.includes("discord")) {
      if (opts.shards) await runShards(opts, io, e, parseShardCount(opts.shards));
      else await runDiscord(opts, io, e);
      return;
    }
    if (opts.shards) throw new UserError("--shards is for Discord: set DISCORD_TOKEN", 64);
    io.err.write("steward: no platform configured (set DISCORD_TOKEN or SLACK_BOT_TOKEN to connect one); running the demo community instead\n\n");
    const library = await loadLibrary(rulesDirFrom(opts, io));
    const settings = await loadSettings({ ...opts, communities: opts.communities ?? bundledPath("examples/communities") }, io, e);
    await library.prepare(settings.all());
    const logger = createLogger({ level: e.LOG_LEVEL === "info" ? "warn" : e.LOG_LEVEL });
    const file = bundledPath("examples/demo-community.jsonl");
    io.out.write(`Demo: a fortnight in the "acme" customer community (${file}), on a throwaway embedded database.\n\n`);
    let digest: DemoDigest | null = null;
    const summary = await withStore({ env: { ...e, DATABASE_URL: undefined }, memory: true, logger }, async (persistence, store) => {
      // The shop's customer list, so screening can verify order numbers.
      await importCustomers(store.prisma, "acme", "replay", readCustomerRecords(bundledPath("examples/customers.csv")).records);
      const s = await runReplay({ file, library, settings, persistence, customers: new PrismaCustomers(store.prisma), logger, out: io.out, err: io.err });
      // What the community managers get on Monday morning (steward start posts it to their channel).
      digest = await demoDigest(store.prisma, settings, "acme");
      return s;
    });
    io.out.write(`\n${formatSummary(summary)}\n`);
    if (digest) {
      const d: DemoDigest = digest;
      io.out.write(`\nThe weekly digest for the community managers:\n\n${d.text}\n\nIts chart (daily active members and messages): ${d.chartFile}\n`);
    }
  });
}
