// The rate windows of `steward start`: shared through Redis when REDIS_URL is set (several
// instances, docs/scaling.md), else the pipeline's own in-memory store.
import type { Env } from "../config/env.js";
import type { RateStore } from "../guidelines/types.js";
import type { Logger } from "../log.js";
import { RedisRateStore, RedisUnavailableError, redactRedisUrl } from "../store/redis-rates.js";
import { UserError } from "./io.js";

export interface ChosenRates {
  /** For Pipeline's `rates` option: undefined leaves the pipeline its in-memory store. */
  rates: RateStore | undefined;
  close(): Promise<void>;
}

/** Opens the rate store; when Redis cannot be reached, runs `cleanup` (what the caller opened) and throws a UserError. */
export async function openRateStore(e: Env, logger: Logger, cleanup: () => Promise<unknown>): Promise<ChosenRates> {
  if (!e.REDIS_URL) return { rates: undefined, close: async () => undefined };
  try {
    const store = await RedisRateStore.open(e.REDIS_URL, { logger });
    logger.info({ redis: redactRedisUrl(e.REDIS_URL), instance: store.instance }, "rate windows shared through Redis");
    return { rates: store, close: () => store.close() };
  } catch (err) {
    await cleanup();
    // 69: a service Steward needs is unavailable (as for Discord or Slack).
    if (err instanceof RedisUnavailableError) throw new UserError(err.message, 69);
    throw err;
  }
}
