// The KPI record (docs/kpis.md defines every key) and what each KPI group is given.
import type { PrismaClient } from "../../store/index.js";
import type { CustomerKpis } from "./customers.js";

export interface Contributor {
  /** Platform id of the member. */
  member: string;
  name: string | null;
  messages: number;
  reactions: number;
}

export interface ModerationKpis {
  cases: number;
  /** Guideline id → cases ("manual" for moderators' own cases). */
  byGuideline: Record<string, number>;
  /** Action kind (deleteMessage, timeout, …) → cases where it was done. */
  byAction: Record<string, number>;
  automatic: number;
  manual: number;
  heldMessages: number;
  /** Median minutes from a message held for review to a moderator's decision; null when none was decided. */
  heldMedianMinutesToHandle: number | null;
}

export interface TestimonialKpis {
  /** Consent requests sent (a moderator captured a message). */
  captured: number;
  /** Authors who consented (named or anonymous). */
  consented: number;
}

/** Clicks per campaign in the period (kpis/links.ts; docs/insights-links.md). */
export interface LinkKpi {
  campaign: string;
  clicks: number;
  /** The campaign's tracked links made before the period's end. */
  links: number;
}

export interface Kpis {
  community: string;
  timezone: string;
  from: string;
  to: string;
  days: number;
  membersStart: number;
  membersEnd: number;
  joined: number;
  left: number;
  netGrowthPct: number | null;
  activeMembers: number;
  engagementRate: number | null;
  dauMauRatio: number | null;
  messages: number;
  messagesPerActiveMember: number | null;
  newMemberActivation: number | null;
  retention: number | null;
  questionsAsked: number;
  firstResponseMedianMinutes: number | null;
  firstResponseP90Minutes: number | null;
  unansweredQuestions: number;
  topContributors: Contributor[];
  moderation: ModerationKpis;
  testimonials: TestimonialKpis;
  links: LinkKpi[];
  /** Present only when orders were imported (kpis/customers.ts; docs/insights-links.md). */
  customers?: CustomerKpis;
}

/** What a KPI group gets: the community, the period as local days and as instants. */
export interface KpiContext {
  prisma: PrismaClient;
  communityId: number;
  key: string;
  timezone: string;
  from: string;
  to: string;
  /** Instants (ISO) of from's local midnight and of the local midnight after `to`: [start, end). */
  start: string;
  end: string;
  days: number;
  previous: { from: string; to: string; start: string; end: string };
}

/** A group computes some keys of Kpis; kpis/index.ts assembles them. */
export type KpiGroup = (ctx: KpiContext) => Promise<Partial<Kpis>>;

/** x / y, or null when y is 0 (never NaN or Infinity). */
export function ratio(x: number, y: number): number | null {
  return y === 0 ? null : x / y;
}

/** Raw query rows with numbers (SQL casts counts to int and ratios to float8). */
export async function rows<T>(ctx: KpiContext, sql: string, ...params: unknown[]): Promise<T[]> {
  return ctx.prisma.$queryRawUnsafe<T[]>(sql, ...params);
}
