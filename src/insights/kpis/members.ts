// Members & growth: membersStart, membersEnd (membership spans at the period's first and last
// instants), joined, left (join and leave events, daily rollup), netGrowthPct, newMemberActivation,
// retention. Spans that began with a first message (firstSeen) are members but never "joined".
import { ratio, rows, type KpiGroup } from "./types.js";

export const members: KpiGroup = async (ctx) => {
  const [counts] = await rows<{ start: number; end: number }>(ctx, `
    SELECT count(DISTINCT member_id) FILTER (WHERE joined_at < $2::timestamptz AND (left_at IS NULL OR left_at >= $2::timestamptz))::int AS start,
           count(DISTINCT member_id) FILTER (WHERE left_at IS NULL OR left_at >= $3::timestamptz)::int AS end
    FROM membership_spans WHERE community_id = $1 AND joined_at < $3::timestamptz`, ctx.communityId, ctx.start, ctx.end);
  const [flow] = await rows<{ joined: number; left: number }>(ctx, `
    SELECT coalesce(sum(joins), 0)::int AS joined, coalesce(sum(leaves), 0)::int AS left
    FROM daily_activity WHERE community_id = $1 AND day BETWEEN $2::date AND $3::date`, ctx.communityId, ctx.from, ctx.to);
  // Joined in the period and posted on the local day of joining or one of the 7 days after.
  const [activation] = await rows<{ joins: number; activated: number }>(ctx, `
    SELECT count(*)::int AS joins,
           count(*) FILTER (WHERE EXISTS (
             SELECT 1 FROM member_daily_activity a
             WHERE a.member_id = s.member_id AND a.messages > 0
               AND a.day BETWEEN (s.joined_at AT TIME ZONE $4)::date AND (s.joined_at AT TIME ZONE $4)::date + 7))::int AS activated
    FROM membership_spans s
    WHERE s.community_id = $1 AND NOT s.first_seen AND s.joined_at >= $2::timestamptz AND s.joined_at < $3::timestamptz`,
    ctx.communityId, ctx.start, ctx.end, ctx.timezone);
  // Cohort: members who joined in the previous period; retained: still members at the end of this one and active in it.
  const [retention] = await rows<{ cohort: number; retained: number }>(ctx, `
    WITH cohort AS (
      SELECT DISTINCT member_id FROM membership_spans
      WHERE community_id = $1 AND NOT first_seen AND joined_at >= $2::timestamptz AND joined_at < $3::timestamptz)
    SELECT count(*)::int AS cohort,
           count(*) FILTER (WHERE
             EXISTS (SELECT 1 FROM membership_spans s WHERE s.member_id = c.member_id AND s.joined_at < $4::timestamptz AND (s.left_at IS NULL OR s.left_at >= $4::timestamptz))
             AND EXISTS (SELECT 1 FROM member_daily_activity a WHERE a.member_id = c.member_id AND a.day BETWEEN $5::date AND $6::date))::int AS retained
    FROM cohort c`, ctx.communityId, ctx.previous.start, ctx.previous.end, ctx.end, ctx.from, ctx.to);
  const start = counts?.start ?? 0;
  const end = counts?.end ?? 0;
  const growth = ratio(end - start, start);
  return {
    membersStart: start,
    membersEnd: end,
    joined: flow?.joined ?? 0,
    left: flow?.left ?? 0,
    netGrowthPct: growth === null ? null : growth * 100,
    newMemberActivation: ratio(activation?.activated ?? 0, activation?.joins ?? 0),
    retention: ratio(retention?.retained ?? 0, retention?.cohort ?? 0),
  };
};
