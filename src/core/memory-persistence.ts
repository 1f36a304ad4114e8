// Persistence that keeps nothing: for backtests and evaluations, which must not touch the
// community's real store. Case numbers start at 1 per community.
import type { LoadedCommunity, Persistence, WriteBatch } from "./persistence.js";

export class MemoryPersistence implements Persistence {
  writes = 0;
  cases = 0;
  async loadCommunity(key: string): Promise<LoadedCommunity> {
    return { dbId: key, nextCaseNumber: 1, members: [] };
  }
  async write(batch: WriteBatch): Promise<void> {
    this.writes++;
    this.cases += batch.cases.length;
  }
}
