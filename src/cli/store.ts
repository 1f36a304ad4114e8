// Opens the store a command asked for, hands the pipeline its persistence, and always
// closes the database afterwards (PGlite would otherwise keep the process alive).
import path from "node:path";
import type { Env } from "../config/env.js";
import type { Persistence } from "../core/persistence.js";
import type { Logger } from "../log.js";
import { openStore, openMemoryStore, StoreLockedError, type Store } from "../store/index.js";
import { PrismaPersistence } from "../store/pipeline-writer.js";
import { UserError } from "./io.js";

export interface StoreChoice {
  env: Env;
  dataDir?: string | undefined;
  memory?: boolean;
  logger: Logger;
}

export async function openChosenStore(c: StoreChoice): Promise<Store> {
  try {
    if (c.memory) return await openMemoryStore();
    if (c.env.DATABASE_URL) return await openStore({ databaseUrl: c.env.DATABASE_URL, logger: c.logger });
    return await openStore({ dataDir: path.resolve(c.dataDir ?? c.env.STEWARD_DATA_DIR), logger: c.logger });
  } catch (e) {
    if (e instanceof StoreLockedError) throw new UserError(e.message, 75);
    throw e;
  }
}

export async function withStore<T>(c: StoreChoice, run: (p: Persistence, store: Store) => Promise<T>): Promise<T> {
  const store = await openChosenStore(c);
  try {
    return await run(new PrismaPersistence(store.prisma), store);
  } finally {
    await store.close();
  }
}
