// Activity & engagement: activeMembers (posted or reacted at least once), messages, the mean of
// the daily distinct active members (for dauMauRatio), messagesPerActiveMember. engagementRate
// needs membersEnd too, so kpis/index.ts works it out.
import { ratio, rows, type KpiGroup } from "./types.js";

export const activity: KpiGroup = async (ctx) => {
  const [active] = await rows<{ n: number }>(ctx, `
    SELECT count(DISTINCT member_id)::int AS n FROM member_daily_activity
    WHERE community_id = $1 AND day BETWEEN $2::date AND $3::date AND (messages > 0 OR reactions > 0)`, ctx.communityId, ctx.from, ctx.to);
  const [days] = await rows<{ messages: number; activeDays: number }>(ctx, `
    SELECT coalesce(sum(messages), 0)::int AS messages, coalesce(sum(active_members), 0)::int AS "activeDays"
    FROM daily_activity WHERE community_id = $1 AND day BETWEEN $2::date AND $3::date`, ctx.communityId, ctx.from, ctx.to);
  const activeMembers = active?.n ?? 0;
  const messages = days?.messages ?? 0;
  // Days without any row count as 0 active: the mean is over every day of the period.
  const meanDaily = (days?.activeDays ?? 0) / ctx.days;
  return {
    activeMembers,
    messages,
    dauMauRatio: ratio(meanDaily, activeMembers),
    messagesPerActiveMember: ratio(messages, activeMembers),
  };
};
