// `steward start` with SLACK_BOT_TOKEN: the Slack adapter feeding the pipeline on the configured
// store until SIGINT/SIGTERM, then a clean stop. Events arrive over HTTP at /slack/events on
// Steward's one HTTP server (SLACK_SIGNING_SECRET), or over Socket Mode (SLACK_APP_TOKEN).
import path from "node:path";
import { PrismaCustomers } from "../store/customers.js";
import type { Io } from "./io.js";
import { UserError } from "./io.js";
import { loadLibrary, rulesDirFrom, type CommonOptions } from "./shared.js";
import { openChosenStore } from "./store.js";
import type { Env } from "../config/env.js";
import { loadAllSettings } from "../config/settings.js";
import { Pipeline } from "../core/pipeline.js";
import { createLogger } from "../log.js";
import { PrismaPersistence } from "../store/pipeline-writer.js";
import { PrismaOutbox } from "../store/outbox.js";
import { SlackAdapter, SlackLoginError, SlackSettingsProvider } from "../platforms/slack/index.js";
import type { StewardHttp } from "../http/index.js";
import { openRateStore } from "./rate-store.js";
import { runUntilStopped, serveMetrics, startHttpOrClose, stopSignal } from "./service.js";

export async function runSlack(opts: CommonOptions, io: Io, e: Env): Promise<void> {
  if (!e.SLACK_SIGNING_SECRET && !e.SLACK_APP_TOKEN) {
    throw new UserError("SLACK_BOT_TOKEN is set but Slack cannot reach Steward: set SLACK_SIGNING_SECRET (events over HTTP at /slack/events on PORT) or SLACK_APP_TOKEN (Socket Mode)", 78);
  }
  const logger = createLogger({ level: e.LOG_LEVEL });
  const library = await loadLibrary(rulesDirFrom(opts, io));
  const settings = new SlackSettingsProvider(await loadAllSettings(path.resolve(opts.communities ?? e.STEWARD_COMMUNITIES_DIR)));
  await library.prepare(settings.all());
  const store = await openChosenStore({ env: e, dataDir: opts.dataDir, logger });
  let http: StewardHttp;
  const persistence = new PrismaPersistence(store.prisma, { publicUrl: () => http?.publicUrl() ?? e.PUBLIC_URL ?? `http://localhost:${e.PORT}` });
  http = await startHttpOrClose(e, store, persistence.links, logger);
  const adapter = new SlackAdapter({
    botToken: e.SLACK_BOT_TOKEN!,
    userToken: e.SLACK_USER_TOKEN,
    signingSecret: e.SLACK_SIGNING_SECRET,
    appToken: e.SLACK_APP_TOKEN,
    http: http.server,
    apiUrl: e.SLACK_API_URL,
    logger,
    communitySettings: (c) => settings.get(c),
  });
  // Rate windows shared with the other instances through Redis when REDIS_URL is set.
  const rates = await openRateStore(e, logger, async () => { await http.close(); await store.close(); });
  const pipeline: Pipeline = new Pipeline({ adapter, persistence, settings, library, logger, customers: new PrismaCustomers(store.prisma), outbox: { store: new PrismaOutbox(store.prisma) }, observer: serveMetrics(http, () => pipeline), rates: rates.rates });
  const stopped = stopSignal();
  try {
    await adapter.start((event) => pipeline.handle(event));
  } catch (err) {
    await http.close();
    await store.close();
    await rates.close();
    if (err instanceof SlackLoginError) throw new UserError(err.message, 1);
    const where = e.SLACK_API_URL ? ` at ${e.SLACK_API_URL}` : "";
    throw new UserError(`could not connect to Slack${where}: ${(err as Error).message}`, 69);
  }
  const mode = e.SLACK_APP_TOKEN ? "Socket Mode" : `HTTP, ${http.publicUrl()}/slack/events`;
  logger.info({ port: http.port, store: store.location, guidelines: library.all.ruleCount }, `connected to Slack (${mode}); press Ctrl-C to stop`);
  await runUntilStopped({ platform: "slack", adapter, pipeline, store, http, settings, library, logger, stopped });
  await rates.close();
}
