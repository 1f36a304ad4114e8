// The outbox on Prisma (src/core/outbox): one statement to store an action unless its key is
// there, one to settle it. Same SQL on PGlite and PostgreSQL.
import type { Action, ActionOutcome } from "../core/actions.js";
import type { OutboxEntry, OutboxStore, StoredOutboxEntry } from "../core/outbox/store.js";
import type { PrismaClient } from "./index.js";

interface Row {
  community_id: number;
  key: string;
  case_number: number | null;
  action: Action;
  status: StoredOutboxEntry["status"];
  attempts: number;
  outcome: ActionOutcome | null;
  at: Date;
}

const columns = "community_id, key, case_number, action, status, attempts, outcome, at";

function entry(r: Row): StoredOutboxEntry {
  return { community: String(r.community_id), key: r.key, caseNumber: r.case_number, action: r.action, at: r.at.getTime(), status: r.status, attempts: r.attempts, outcome: r.outcome };
}

export class PrismaOutbox implements OutboxStore {
  constructor(private readonly prisma: PrismaClient) {}

  async put(e: OutboxEntry): Promise<StoredOutboxEntry> {
    // A conflicting insert returns no row: the earlier entry is read instead (it cannot vanish in between).
    const inserted = await this.prisma.$queryRawUnsafe<Row[]>(
      `INSERT INTO outbox (community_id, key, case_number, kind, action, at) VALUES ($1, $2, $3, $4, $5::jsonb, $6::timestamptz)
       ON CONFLICT (community_id, key) DO NOTHING RETURNING ${columns}`,
      Number(e.community), e.key, e.caseNumber, e.action.kind, JSON.stringify(e.action), new Date(e.at).toISOString(),
    );
    if (inserted[0]) return { ...entry(inserted[0]), found: false };
    const [earlier] = await this.prisma.$queryRawUnsafe<Row[]>(`SELECT ${columns} FROM outbox WHERE community_id = $1 AND key = $2`, Number(e.community), e.key);
    return { ...entry(earlier!), found: true };
  }

  async settle(community: string, key: string, attempts: number, outcome: ActionOutcome): Promise<void> {
    await this.prisma.$executeRawUnsafe(
      `UPDATE outbox SET status = $3, attempts = $4, outcome = $5::jsonb, settled_at = now() WHERE community_id = $1 AND key = $2`,
      Number(community), key, outcome.status, attempts, JSON.stringify(outcome),
    );
  }

  async pending(limit: number): Promise<StoredOutboxEntry[]> {
    const rows = await this.prisma.$queryRawUnsafe<Row[]>(`SELECT ${columns} FROM outbox WHERE status = 'pending' ORDER BY id LIMIT $1`, limit);
    return rows.map(entry);
  }

  /** Entries not yet settled (the /metrics outbox depth across instances). */
  async depth(): Promise<number> {
    const [r] = await this.prisma.$queryRawUnsafe<{ n: number }[]>(`SELECT count(*)::int AS n FROM outbox WHERE status = 'pending'`);
    return r?.n ?? 0;
  }
}
