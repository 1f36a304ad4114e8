// What `steward start` runs around any platform's adapter once it is connected: the write-behind
// timer, onboarding's minutely timer, the scheduled digest and report, guidelines hot reload,
// and on SIGINT/SIGTERM a clean stop (timers, adapter, HTTP, pending writes, database).
import os from "node:os";
import { schedule } from "node-cron";
import type { Pipeline } from "../core/pipeline.js";
import type { PlatformAdapter } from "../core/platform.js";
import type { SettingsProvider } from "../config/settings.js";
import type { GuidelineLibrary } from "../guidelines/library.js";
import type { Logger } from "../log.js";
import type { Store } from "../store/index.js";
import { PortInUseError, startStewardHttp, type StewardHttp } from "../http/index.js";
import type { LinkStore } from "../insights/links.js";
import type { Env } from "../config/env.js";
import { UserError } from "./io.js";
import { StewardMetrics } from "../http/metrics.js";
import { PrismaOutbox } from "../store/outbox.js";
import { InsightsScheduler } from "../insights/scheduler.js";
import { watchGuidelines } from "../core/guideline-watch.js";

/** Steward's HTTP server on PORT; when it cannot listen, the store is closed and the error said in one line. */
export async function startHttpOrClose(e: Env, store: Store, links: LinkStore, logger: Logger): Promise<StewardHttp> {
  try {
    return await startStewardHttp({ port: e.PORT, publicUrl: e.PUBLIC_URL, utmSource: e.UTM_SOURCE, links, logger });
  } catch (err) {
    await store.close();
    if (err instanceof PortInUseError) throw new UserError(err.message, 69);
    throw err;
  }
}

/** /metrics on the HTTP server (when this process has one); the pipeline reports to it. */
export function serveMetrics(http: StewardHttp | undefined, pipeline: () => Pipeline): StewardMetrics {
  const metrics = new StewardMetrics(() => pipeline().pendingWrites(), { outboxDepth: () => pipeline().outboxDepth() });
  http?.server.add(metrics.route());
  return metrics;
}

/** Resolves on SIGINT or SIGTERM (set up before connecting, so an early Ctrl-C is not lost). */
export function stopSignal(): Promise<void> {
  return new Promise<void>((resolve) => {
    process.once("SIGINT", resolve).once("SIGTERM", resolve);
  });
}

export interface Service {
  platform: string;
  adapter: PlatformAdapter & { serves?(community: string): boolean };
  pipeline: Pipeline;
  store: Store;
  http: StewardHttp | undefined;
  settings: SettingsProvider;
  library: GuidelineLibrary;
  logger: Logger;
  stopped: Promise<void>;
}

export async function runUntilStopped(s: Service): Promise<void> {
  const { pipeline, logger } = s;
  // /healthz: the database answers, the platform is connected.
  s.http?.health.add("database", async () => {
    await s.store.prisma.$queryRaw`SELECT 1`;
    return "ok";
  });
  if (s.adapter.health) s.http?.health.add(s.platform, () => s.adapter.health!());
  // The outbox across instances: actions stored and not yet done (informational: retries wait there).
  const outbox = new PrismaOutbox(s.store.prisma);
  s.http?.health.add("outbox", async () => `${await outbox.depth()} pending`);
  // Write behind on a timer too: a quiet server still gets its state saved.
  const flusher = setInterval(() => void pipeline.flush().catch((err: unknown) => logger.error({ err }, "flush failed")), 5000);
  // Onboarding's timer work (nudges due, raid mode lifting after a calm period), every minute.
  const minutely = schedule("* * * * *", () => pipeline.tick().catch((err: unknown) => logger.error({ err }, "onboarding timer failed")), { noOverlap: true });
  // The weekly digest and the monthly report, each posted once across instances (claim rows).
  const insights = new InsightsScheduler({
    prisma: s.store.prisma, settings: s.settings, platform: s.platform, logger, instance: `${os.hostname()}:${process.pid}`,
    perform: (a) => s.adapter.perform(a), ...(s.adapter.serves ? { serves: (c: string) => s.adapter.serves!(c) } : {}),
  });
  await insights.start();
  // What a stopped or crashed run left in the outbox is performed now, alongside new events.
  void pipeline.resumeOutbox().catch((err: unknown) => logger.error({ err }, "outbox: could not resume pending actions"));
  // Guidelines reload when their files change; an invalid save keeps the last good rules and alerts moderators.
  const rulesWatch = watchGuidelines(s.library.dir, () => void pipeline.reloadChangedGuidelines().catch((err: unknown) => logger.error({ err }, "guidelines reload failed")), {
    onError: (err) => logger.warn({ err }, "not watching the rules folder for changes"),
  });
  await s.stopped;
  rulesWatch.close();
  clearInterval(flusher);
  await minutely.destroy();
  await insights.stop();
  // Intake stops first; actions already decided are performed (those still waiting to retry after
  // the grace period stay pending in the outbox for the next start); then the platform disconnects.
  logger.info("stopping: finishing decided actions, writing pending changes, disconnecting, closing the database");
  pipeline.closeIntake();
  await pipeline.drain({ graceMs: 10_000 });
  if (pipeline.stats.refusedWhileStopping) logger.warn({ events: pipeline.stats.refusedWhileStopping }, "events that arrived while stopping were not handled");
  await s.adapter.stop();
  await s.http?.close();
  await pipeline.flush();
  await s.store.close();
}
