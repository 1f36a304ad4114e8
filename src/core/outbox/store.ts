// The outbox's port to the store: an action is stored (with its key) before it is performed, and
// its final outcome after. src/store/outbox.ts implements it on Prisma; MemoryOutboxStore serves
// the in-memory persistence and tests.
import type { Action, ActionOutcome } from "../actions.js";

export type OutboxStatus = "pending" | ActionOutcome["status"];

export interface OutboxEntry {
  /** Store id of the community. */
  community: string;
  key: string;
  caseNumber: number | null;
  action: Action;
  at: number;
}

export interface StoredOutboxEntry extends OutboxEntry {
  status: OutboxStatus;
  attempts: number;
  outcome: ActionOutcome | null;
  /** The key was stored before this put (by this process or another, perhaps one that crashed). */
  found?: boolean;
}

export interface OutboxStore {
  /**
   * Stores the entry unless its key is already there, and returns what is stored under the key:
   * the new pending entry, or the earlier one (done, failed … or pending, when a crash cut it off).
   */
  put(entry: OutboxEntry): Promise<StoredOutboxEntry>;
  /** Records the attempts made and the final outcome. */
  settle(community: string, key: string, attempts: number, outcome: ActionOutcome): Promise<void>;
  /** Entries still pending (left by a stopped or crashed instance), oldest first. */
  pending(limit: number): Promise<StoredOutboxEntry[]>;
}

export class MemoryOutboxStore implements OutboxStore {
  readonly entries = new Map<string, StoredOutboxEntry>();

  async put(entry: OutboxEntry): Promise<StoredOutboxEntry> {
    const id = `${entry.community}\u0000${entry.key}`;
    const stored = this.entries.get(id);
    if (stored) return { ...stored, found: true };
    this.entries.set(id, { ...entry, status: "pending", attempts: 0, outcome: null });
    return { ...entry, status: "pending", attempts: 0, outcome: null, found: false };
  }

  async settle(community: string, key: string, attempts: number, outcome: ActionOutcome): Promise<void> {
    const stored = this.entries.get(`${community}\u0000${key}`);
    if (stored) Object.assign(stored, { status: outcome.status, attempts, outcome });
  }

  async pending(limit: number): Promise<StoredOutboxEntry[]> {
    return [...this.entries.values()].filter((e) => e.status === "pending").slice(0, limit).map((e) => ({ ...e }));
  }
}
