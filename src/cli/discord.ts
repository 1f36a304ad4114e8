// `steward start` with DISCORD_TOKEN: the Discord adapter feeding the pipeline on the configured
// store until SIGINT/SIGTERM, then a clean stop (adapter, pending writes, database).
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
import { DiscordAdapter, DiscordLoginError, DiscordSettingsProvider } from "../platforms/discord/index.js";
import type { StewardHttp } from "../http/index.js";
import { openRateStore } from "./rate-store.js";
import { runUntilStopped, serveMetrics, startHttpOrClose, stopSignal } from "./service.js";

export async function runDiscord(opts: CommonOptions, io: Io, e: Env): Promise<void> {
  const logger = createLogger({ level: e.LOG_LEVEL });
  const library = await loadLibrary(rulesDirFrom(opts, io));
  const settings = new DiscordSettingsProvider(await loadAllSettings(path.resolve(opts.communities ?? e.STEWARD_COMMUNITIES_DIR)));
  await library.prepare(settings.all());
  const store = await openChosenStore({ env: e, dataDir: opts.dataDir, logger });
  const adapter = new DiscordAdapter({
    token: e.DISCORD_TOKEN!,
    ...(e.DISCORD_API_URL ? { apiUrl: e.DISCORD_API_URL } : {}),
    logger,
    modLogChannel: (c) => settings.get(c).channels.modLog,
    communitySettings: (c) => settings.get(c),
  });
  // Steward's HTTP server (tracked links, /healthz) on PORT; short links use PUBLIC_URL, or the port it got.
  let http: StewardHttp | undefined;
  const persistence = new PrismaPersistence(store.prisma, { publicUrl: () => http?.publicUrl() ?? e.PUBLIC_URL ?? `http://localhost:${e.PORT}` });
  // Shards (steward start --shards) leave the port to their manager, which serves it once.
  if (!process.env.SHARDING_MANAGER) {
    http = await startHttpOrClose(e, store, persistence.links, logger);
    logger.info({ port: http.port, publicUrl: http.publicUrl() }, "HTTP server listening (tracked links, /healthz)");
  }
  // Rate windows shared with the other instances through Redis when REDIS_URL is set.
  const rates = await openRateStore(e, logger, async () => { await http?.close(); await store.close(); });
  const pipeline: Pipeline = new Pipeline({
    observer: serveMetrics(http, () => pipeline),
    rates: rates.rates,
    adapter,
    persistence,
    settings,
    library: library,
    logger,
    customers: new PrismaCustomers(store.prisma),
    // Actions stored before they are performed, retried, resumed after a crash (src/core/outbox).
    outbox: { store: new PrismaOutbox(store.prisma) },
  });
  const stopped = stopSignal();
  try {
    await adapter.start((event) => pipeline.handle(event));
  } catch (err) {
    await http?.close();
    await store.close();
    await rates.close();
    if (err instanceof DiscordLoginError) throw new UserError(err.message, 1);
    const where = e.DISCORD_API_URL ? ` at ${e.DISCORD_API_URL}` : "";
    throw new UserError(`could not connect to Discord${where}: ${(err as Error).message}`, 69);
  }
  logger.info({ store: store.location, guidelines: library.all.ruleCount }, "connected to Discord; press Ctrl-C to stop");
  await runUntilStopped({ platform: "discord", adapter, pipeline, store, http, settings, library, logger, stopped });
  await rates.close();
  // A shard process (steward start --shards) keeps an IPC channel to its manager open: close it so the process can exit.
  if (process.env.SHARDING_MANAGER && process.connected) process.disconnect();
}
