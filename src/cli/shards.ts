// `steward start --shards N` with DISCORD_TOKEN: discord.js's ShardingManager runs one
// `steward start` process per shard (each its own gateway connection, adapter and pipeline)
// against one PostgreSQL. A guild lives on exactly one shard, so its case numbers, strikes and
// rate windows stay in one process; the store is shared. The manager migrates the database
// once before the shards start, so they do not race to apply a migration.
import { ShardingManager } from "discord.js";
import type { Io } from "./io.js";
import { UserError } from "./io.js";
import type { CommonOptions } from "./shared.js";
import type { Env } from "../config/env.js";
import { createLogger } from "../log.js";
import { migrate, openStore } from "../store/index.js";
import { PrismaLinks } from "../store/links.js";
import { PortInUseError, startStewardHttp } from "../http/index.js";
import { bundledPath } from "../util/paths.js";

/** "auto" (Discord's recommendation) or a positive count. */
export function parseShardCount(value: string): number | "auto" {
  if (value === "auto") return "auto";
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 10_000) throw new UserError(`--shards must be "auto" or a whole number from 1 (got "${value}")`, 64);
  return n;
}

export async function runShards(opts: CommonOptions, io: Io, e: Env, shards: number | "auto"): Promise<void> {
  if (!e.DATABASE_URL) {
    throw new UserError("--shards needs PostgreSQL: set DATABASE_URL (every shard is its own process, and the embedded database serves one process)", 78);
  }
  if (shards === "auto" && e.DISCORD_API_URL) {
    throw new UserError('--shards auto asks discord.com for the count, not DISCORD_API_URL: give a number (e.g. --shards 4)', 64);
  }
  const logger = createLogger({ level: e.LOG_LEVEL });
  const applied = await migrate({ databaseUrl: e.DATABASE_URL, logger });
  if (applied.applied.length) logger.info({ migrations: applied.applied }, "database migrated before starting shards");
  // The manager serves Steward's HTTP port (tracked links, /healthz) once for all shards.
  const store = await openStore({ databaseUrl: e.DATABASE_URL, logger });
  const http = await startStewardHttp({ port: e.PORT, publicUrl: e.PUBLIC_URL, utmSource: e.UTM_SOURCE, links: new PrismaLinks(store.prisma, () => e.PUBLIC_URL ?? `http://localhost:${e.PORT}`), logger }).catch(async (err: unknown) => {
    await store.close();
    if (err instanceof PortInUseError) throw new UserError(err.message, 69);
    throw err;
  });
  const stopHttp = async () => {
    await http.close();
    await store.close();
  };
  const shardArgs = ["start", ...(opts.rules ? ["--rules", opts.rules] : []), ...(opts.communities ? ["--communities", opts.communities] : [])];
  const manager = new ShardingManager(bundledPath("bin/steward.js"), { token: e.DISCORD_TOKEN!, totalShards: shards, shardArgs, respawn: true, mode: "process" });
  manager.on("shardCreate", (shard) => {
    logger.info({ shard: shard.id, of: manager.totalShards }, "shard started");
    shard.on("death", () => {
      if (manager.respawn) logger.warn({ shard: shard.id }, "shard process exited; respawning");
    });
  });
  const stopped = new Promise<void>((resolve) => {
    process.once("SIGINT", resolve).once("SIGTERM", resolve);
  });
  try {
    await manager.spawn({ timeout: 120_000 });
  } catch (err) {
    for (const s of manager.shards.values()) s.kill();
    await stopHttp();
    throw new UserError(`could not start the shards: ${(err as Error).message}`, 69);
  }
  logger.info({ shards: manager.totalShards }, "all shards connected; press Ctrl-C to stop");
  await stopped;
  logger.info("stopping: each shard writes what is pending and closes");
  manager.respawn = false;
  await Promise.all(
    [...manager.shards.values()].map(
      (s) =>
        new Promise<void>((resolve) => {
          // SIGTERM lets the shard stop its client, write what is pending and close the store.
          const child = s.process;
          if (!child || child.exitCode !== null) return resolve();
          child.once("exit", () => resolve());
          child.kill("SIGTERM");
        }),
    ),
  );
  await stopHttp();
  io.err.write(`steward: ${manager.shards.size} shard(s) stopped\n`);
}
