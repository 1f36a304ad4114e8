// Gathers one week's digest from the store: the week's KPIs against the week before, the review
// queue, praise waiting to be captured, questions nobody answered, and 8 weeks of daily figures.
import type { PrismaClient } from "../../store/index.js";
import { computeKpis, type Kpis } from "../kpis/index.js";
import { dailySeries } from "../series.js";
import { unansweredQuestions } from "../unanswered.js";
import { findCommunity } from "../community.js";
import { addDays, isoWeekOf, isoWeekRange } from "../period.js";
import { messageLink } from "../message-link.js";
import { insightsSettings } from "../settings.js";
import type { CommunitySettings } from "../../config/settings-schema.js";
import type { DigestData, MessageItem, WeekFigures } from "./types.js";

const CHART_WEEKS = 8;
/** A question younger than this may still get its first reply: not listed as unanswered yet. */
const ANSWER_WINDOW_MS = 24 * 3_600_000;

export interface DigestRequest {
  community: string;
  /** ISO week, "2026-W47". */
  week: string;
  settings: CommunitySettings;
  /** When the digest is made (default now). */
  now?: number;
}

export async function gatherDigest(prisma: PrismaClient, req: DigestRequest): Promise<DigestData> {
  const week = isoWeekRange(req.week);
  const previous = week.previous!;
  const c = await findCommunity(prisma, req.community);
  const now = req.now ?? Date.now();
  const top = insightsSettings(req.settings).topContributors;
  const [k, before, series, unanswered, review, praise] = await Promise.all([
    computeKpis(prisma, { community: c.key, ...week }),
    computeKpis(prisma, { community: c.key, ...previous }),
    dailySeries(prisma, c.key, addDays(week.to, -7 * CHART_WEEKS + 1), week.to),
    unansweredQuestions(prisma, c.key, week.from, week.to, 50),
    prisma.reviewItem.aggregate({ where: { communityId: c.id, status: "pending" }, _count: true, _min: { createdAt: true } }),
    praiseOfWeek(prisma, c.id, c.timezone, week.from, week.to),
  ]);
  const names = await memberNames(prisma, c.id, [...unanswered.map((q) => q.asker), ...praise.map((p) => p.authorId)]);
  const item = (member: string, channel: string, message: string, text: string, at: Date): MessageItem => ({
    member, memberName: names.get(member) ?? null, channel, message, text, at: at.getTime(), link: messageLink(c.platform, c.key, channel, message),
  });
  return {
    community: c.key,
    communityName: req.settings.name ?? c.key,
    platform: c.platform,
    timezone: c.timezone,
    thisWeek: figures(req.week, k),
    lastWeek: figures(isoWeekOf(previous.from), before),
    moderation: { cases: k.moderation.cases, automatic: k.moderation.automatic, manual: k.moderation.manual, byGuideline: k.moderation.byGuideline, byAction: k.moderation.byAction },
    review: { waiting: review._count, oldestAt: review._min.createdAt?.getTime() ?? null },
    testimonialCandidates: praise.map((p) => item(p.authorId, p.channel, p.messageId, p.text, p.createdAt)),
    unanswered: unanswered.filter((q) => now - q.askedAt.getTime() >= ANSWER_WINDOW_MS).map((q) => item(q.asker, q.thread ?? q.channel, q.message, q.text, q.askedAt)),
    topContributors: k.topContributors.slice(0, top),
    series: sinceFirstActivity(series).map((d) => ({ day: d.day, activeMembers: d.activeMembers, messages: d.messages })),
    at: now,
  };
}

/** The chart starts at the first day with activity (days before Steward was there are not zeros); at least a week. */
function sinceFirstActivity<T extends { activeMembers: number; messages: number; joins: number }>(days: T[]): T[] {
  const first = days.findIndex((d) => d.activeMembers || d.messages || d.joins);
  return days.slice(Math.max(0, Math.min(first < 0 ? days.length : first, days.length - 7)));
}

function figures(week: string, k: Kpis): WeekFigures {
  return {
    week, from: k.from, to: k.to, membersEnd: k.membersEnd, joined: k.joined, left: k.left, activeMembers: k.activeMembers, messages: k.messages,
    firstResponseMedianMinutes: k.firstResponseMedianMinutes, questions: k.questionsAsked, unansweredQuestions: k.unansweredQuestions,
  };
}

/** Suggested testimonials of the week (not yet asked), the most praise and product words first. */
function praiseOfWeek(prisma: PrismaClient, community: number, tz: string, from: string, to: string) {
  return prisma.$queryRawUnsafe<{ messageId: string; channel: string; authorId: string; text: string; createdAt: Date }[]>(`
    SELECT message_id AS "messageId", channel, author_id AS "authorId", text, created_at AS "createdAt" FROM testimonials
    WHERE community_id = $1 AND state = 'suggested'
      AND created_at >= ($2::date::timestamp AT TIME ZONE $4) AND created_at < (($3::date + 1)::timestamp AT TIME ZONE $4)
    ORDER BY cardinality(signals) DESC, created_at LIMIT 20`, community, from, to, tz);
}

async function memberNames(prisma: PrismaClient, community: number, ids: string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const rows = await prisma.member.findMany({ where: { communityId: community, platformId: { in: [...new Set(ids)] } }, select: { platformId: true, name: true } });
  return new Map(rows.filter((r) => r.name).map((r) => [r.platformId, r.name!]));
}
