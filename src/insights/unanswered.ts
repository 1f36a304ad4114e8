// Questions asked in a range of local days that got no reply (the digest lists them with links).
import type { PrismaClient } from "../store/index.js";
import { findCommunity } from "./community.js";
import { checkRange } from "./period.js";

export interface UnansweredQuestion {
  message: string;
  channel: string;
  thread: string | null;
  asker: string;
  text: string;
  askedAt: Date;
}

/** Oldest first. A question asked less than 24 h ago may still get its reply. */
export async function unansweredQuestions(prisma: PrismaClient, community: string, from: string, to: string, limit = 20): Promise<UnansweredQuestion[]> {
  checkRange({ from, to });
  const c = await findCommunity(prisma, community);
  return prisma.$queryRawUnsafe<UnansweredQuestion[]>(`
    SELECT message_id AS message, channel, thread, asker_id AS asker, text, asked_at AS "askedAt" FROM questions
    WHERE community_id = $1 AND answered_at IS NULL
      AND asked_at >= ($2::date::timestamp AT TIME ZONE $4) AND asked_at < (($3::date + 1)::timestamp AT TIME ZONE $4)
    ORDER BY asked_at, message_id LIMIT $5`, c.id, from, to, c.timezone, limit);
}
