// Per local day figures for charts and digests: every day of the range, zeros included.
import type { PrismaClient } from "../store/index.js";
import { findCommunity } from "./community.js";
import { checkRange } from "./period.js";

export interface DayFigures {
  day: string;
  activeMembers: number;
  messages: number;
  reactions: number;
  joins: number;
  leaves: number;
  questions: number;
  answered: number;
}

/** `community` is the settings key; from/to are local days (inclusive). */
export async function dailySeries(prisma: PrismaClient, community: string, from: string, to: string): Promise<DayFigures[]> {
  checkRange({ from, to });
  const c = await findCommunity(prisma, community);
  return prisma.$queryRawUnsafe<DayFigures[]>(`
    SELECT to_char(g.day, 'YYYY-MM-DD') AS day,
           coalesce(d.active_members, 0)::int AS "activeMembers", coalesce(d.messages, 0)::int AS messages,
           coalesce(d.reactions, 0)::int AS reactions, coalesce(d.joins, 0)::int AS joins, coalesce(d.leaves, 0)::int AS leaves,
           coalesce(d.questions, 0)::int AS questions, coalesce(d.answered, 0)::int AS answered
    FROM generate_series($2::date, $3::date, interval '1 day') AS g(day)
    LEFT JOIN daily_activity d ON d.community_id = $1 AND d.day = g.day::date
    ORDER BY g.day`, c.id, from, to);
}
