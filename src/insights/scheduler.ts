// Posts each community's weekly digest and monthly report on its schedule (node-cron, in the
// community's time zone) to the managers' channel. Every instance schedules every community;
// a claim row per (job, community, period) makes one of them post (store/scheduled-runs.ts).
import { schedule, type ScheduledTask } from "node-cron";
import type { PrismaClient } from "../store/index.js";
import type { Action, ActionOutcome } from "../core/actions.js";
import type { SettingsProvider } from "../config/settings.js";
import type { Logger } from "../log.js";
import { claimRun, finishRun } from "../store/scheduled-runs.js";
import { insightsSettings, managersChannel } from "./settings.js";
import { lastCompleteIsoWeek, lastCompleteMonth } from "./period.js";
import { findCommunity } from "./community.js";
import { buildDigest } from "./digest/index.js";
import { buildReport, formatReport } from "./report/index.js";

export type InsightsJob = "digest" | "report";

export interface InsightsSchedulerOptions {
  prisma: PrismaClient;
  settings: SettingsProvider;
  /** The platform's communities only (a Discord instance posts Discord digests). */
  platform: string;
  /** Performs the post (the adapter's perform). */
  perform: (a: Action) => Promise<ActionOutcome>;
  logger: Logger;
  /** This instance's name in claim rows (host and pid). */
  instance: string;
  /** Whether this instance can post to the community (a Discord shard holds only some guilds); default all. */
  serves?: (community: string) => boolean;
  /** How often new communities are picked up (default hourly). */
  resyncMs?: number;
}

export interface JobResult {
  job: InsightsJob;
  community: string;
  period: string;
  /** "posted", "claimed elsewhere" (another instance has it), or why it failed. */
  status: "posted" | "skipped" | "failed";
  detail?: string;
}

export class InsightsScheduler {
  private readonly tasks = new Map<string, ScheduledTask>();
  private resync: NodeJS.Timeout | undefined;

  constructor(private readonly o: InsightsSchedulerOptions) {}

  async start(): Promise<void> {
    await this.sync();
    this.resync = setInterval(() => void this.sync().catch((err: unknown) => this.o.logger.error({ err }, "insights schedule sync failed")), this.o.resyncMs ?? 3_600_000);
    this.resync.unref();
  }

  async stop(): Promise<void> {
    if (this.resync) clearInterval(this.resync);
    for (const t of this.tasks.values()) await t.destroy();
    this.tasks.clear();
  }

  /** Schedules the jobs of every community of this platform in the store (again when a schedule changed). */
  async sync(): Promise<void> {
    const communities = await this.o.prisma.community.findMany({ where: { platform: this.o.platform }, select: { key: true, timezone: true } });
    const wanted = new Set<string>();
    for (const c of communities) {
      if (this.o.serves && !this.o.serves(c.key)) continue;
      const s = insightsSettings(this.o.settings.get(c.key));
      for (const job of ["digest", "report"] as const) {
        const cfg = s[job];
        if (!cfg.enabled) continue;
        const id = `${job}|${c.key}|${cfg.schedule}|${c.timezone}`;
        wanted.add(id);
        if (this.tasks.has(id)) continue;
        const task = schedule(cfg.schedule, () => this.run(job, c.key).then(() => undefined), { timezone: c.timezone, noOverlap: true, name: `steward-${job}-${c.key}` });
        this.tasks.set(id, task);
      }
    }
    for (const [id, t] of this.tasks) {
      if (wanted.has(id)) continue;
      await t.destroy();
      this.tasks.delete(id);
    }
  }

  /** Runs one job for the period just completed at `now` (the last ISO week, the last month), unless another instance claimed it. */
  async run(job: InsightsJob, community: string, now = Date.now()): Promise<JobResult> {
    const c = await findCommunity(this.o.prisma, community);
    const period = job === "digest" ? lastCompleteIsoWeek(now, c.timezone) : lastCompleteMonth(now, c.timezone);
    const claim = { job, communityId: c.id, period };
    if (!(await claimRun(this.o.prisma, claim, this.o.instance, new Date(now)))) return { job, community, period, status: "skipped", detail: "claimed by another instance" };
    try {
      const settings = this.o.settings.get(community);
      const channel = managersChannel(settings);
      const post = await this.post(job, community, period, channel, settings);
      const outcome = await this.o.perform(post);
      if (outcome.status !== "done") throw new Error(`${outcome.status}: ${outcome.detail}`);
      await finishRun(this.o.prisma, claim, null);
      this.o.logger.info({ job, community, period, channel }, `${job} posted`);
      return { job, community, period, status: "posted" };
    } catch (err) {
      const detail = (err as Error).message;
      await finishRun(this.o.prisma, claim, detail).catch(() => undefined);
      this.o.logger.error({ job, community, period, err }, `${job} not posted`);
      return { job, community, period, status: "failed", detail };
    }
  }

  private async post(job: InsightsJob, community: string, period: string, channel: string, settings: ReturnType<SettingsProvider["get"]>): Promise<Action> {
    if (job === "digest") {
      const d = await buildDigest(this.o.prisma, { community, week: period, settings });
      return { kind: "postMessage", community, channel, text: d.text, attachments: [{ name: d.chartName, contentType: "image/png", base64: d.chart.png.toString("base64") }], reason: "" };
    }
    const r = await buildReport(this.o.prisma, { community, month: period, settings });
    const chart = `${r.baseName}-chart.png`;
    return { kind: "postMessage", community, channel, text: formatReport(r, "md", chart), attachments: [{ name: chart, contentType: "image/png", base64: r.chart.png.toString("base64") }], reason: "" };
  }
}
