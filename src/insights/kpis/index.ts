// computeKpis: every KPI group for one community over any range of its local days (a month,
// an ISO week, …). Groups live one per file; links.ts and customers.ts register here.
import type { PrismaClient } from "../../store/index.js";
import { findCommunity } from "../community.js";
import { checkRange, dayCount, previousOf, type Period } from "../period.js";
import { members } from "./members.js";
import { activity } from "./activity.js";
import { responses } from "./responses.js";
import { contributors } from "./contributors.js";
import { moderation } from "./moderation.js";
import { testimonials } from "./testimonials.js";
import { links } from "./links.js";
import { customers } from "./customers.js";
import { ratio, type KpiContext, type KpiGroup, type Kpis } from "./types.js";

export type { Kpis, Contributor, ModerationKpis, TestimonialKpis, LinkKpi, KpiContext, KpiGroup } from "./types.js";

/** In order; a later group's keys win. `customers` is absent when the community has no imported orders. */
export const kpiGroups: KpiGroup[] = [members, activity, responses, contributors, moderation, testimonials, links, customers];

export interface KpiRequest extends Period {
  /** The community's settings key ("acme"). */
  community: string;
}

/** KPIs for `from` .. `to` (local days, inclusive) in the community's time zone. */
export async function computeKpis(prisma: PrismaClient, req: KpiRequest): Promise<Kpis> {
  checkRange(req);
  const previous = previousOf(req);
  checkRange(previous);
  const c = await findCommunity(prisma, req.community);
  const [b] = await prisma.$queryRawUnsafe<{ s: string; e: string; ps: string; pe: string }[]>(`
    SELECT to_json($1::date::timestamp AT TIME ZONE $5)#>>'{}' AS s, to_json(($2::date + 1)::timestamp AT TIME ZONE $5)#>>'{}' AS e,
           to_json($3::date::timestamp AT TIME ZONE $5)#>>'{}' AS ps, to_json(($4::date + 1)::timestamp AT TIME ZONE $5)#>>'{}' AS pe`,
    req.from, req.to, previous.from, previous.to, c.timezone);
  const ctx: KpiContext = {
    prisma, communityId: c.id, key: c.key, timezone: c.timezone, from: req.from, to: req.to, start: b!.s, end: b!.e, days: dayCount(req),
    previous: { ...previous, start: b!.ps, end: b!.pe },
  };
  const kpis: Kpis = {
    community: c.key, timezone: c.timezone, from: req.from, to: req.to, days: ctx.days,
    membersStart: 0, membersEnd: 0, joined: 0, left: 0, netGrowthPct: null,
    activeMembers: 0, engagementRate: null, dauMauRatio: null, messages: 0, messagesPerActiveMember: null,
    newMemberActivation: null, retention: null,
    questionsAsked: 0, firstResponseMedianMinutes: null, firstResponseP90Minutes: null, unansweredQuestions: 0,
    topContributors: [],
    moderation: { cases: 0, byGuideline: {}, byAction: {}, automatic: 0, manual: 0, heldMessages: 0, heldMedianMinutesToHandle: null },
    testimonials: { captured: 0, consented: 0 },
    links: [],
  };
  // One after another: the embedded database has one connection anyway.
  for (const group of kpiGroups) Object.assign(kpis, await group(ctx));
  kpis.engagementRate = ratio(kpis.activeMembers, kpis.membersEnd);
  return kpis;
}
