// What `steward digest` and `steward report` share: the store and settings opened, the community
// chosen (the only one, or --community), its time zone, and period or community errors turned
// into one-line messages.
import type { Io } from "./io.js";
import { UserError } from "./io.js";
import { env, loadSettings, type CommonOptions } from "./shared.js";
import { openChosenStore } from "./store.js";
import { createLogger } from "../log.js";
import type { Store } from "../store/index.js";
import type { CommunitySettings } from "../config/settings-schema.js";
import { listCommunities, UnknownCommunityError } from "../insights/community.js";
import { PeriodError } from "../insights/period.js";

export interface InsightsContext {
  store: Store;
  community: string;
  settings: CommunitySettings;
  /** The community's time zone as stored (its settings' otherwise). */
  timezone: string;
}

export async function withInsightsStore<T>(opts: CommonOptions & { community?: string }, io: Io, run: (ctx: InsightsContext) => Promise<T>): Promise<T> {
  const e = env(io);
  const settings = await loadSettings(opts, io, e);
  const logger = createLogger({ level: e.LOG_LEVEL === "info" ? "warn" : e.LOG_LEVEL });
  const store = await openChosenStore({ env: e, dataDir: opts.dataDir, logger });
  try {
    const community = opts.community ?? (await onlyCommunity(store));
    const s = settings.get(community);
    const timezone = (await store.prisma.community.findUnique({ where: { key: community }, select: { timezone: true } }))?.timezone ?? s.timezone;
    return await run({ store, community, settings: s, timezone });
  } catch (err) {
    if (err instanceof PeriodError || err instanceof UnknownCommunityError) throw new UserError(err.message, 64);
    throw err;
  } finally {
    await store.close();
  }
}

async function onlyCommunity(store: Store): Promise<string> {
  const all = await listCommunities(store.prisma);
  if (all.length === 1) return all[0]!.key;
  if (all.length === 0) throw new UserError("the store has no communities yet (run steward start or steward replay first)", 65);
  throw new UserError(`the store has ${all.length} communities: choose one with --community (${all.map((c) => c.key).join(", ")})`, 64);
}
