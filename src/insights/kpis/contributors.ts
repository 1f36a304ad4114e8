// Top contributors: the ten members with the most messages in the period (ties: more
// reactions, then platform id); members who only reacted are not listed.
import { rows, type Contributor, type KpiGroup } from "./types.js";

export const TOP_CONTRIBUTORS = 10;

export const contributors: KpiGroup = async (ctx) => {
  // Sum per member id first (no join over the whole month), keep the top ten with their ties, then name them.
  const top = await rows<Contributor>(ctx, `
    SELECT m.platform_id AS member, m.name, t.messages, t.reactions
    FROM (
      SELECT member_id, sum(messages)::int AS messages, sum(reactions)::int AS reactions FROM member_daily_activity
      WHERE community_id = $1 AND day BETWEEN $2::date AND $3::date
      GROUP BY member_id HAVING sum(messages) > 0
      ORDER BY 2 DESC, 3 DESC FETCH FIRST ${TOP_CONTRIBUTORS} ROWS WITH TIES) t
    JOIN members m ON m.id = t.member_id
    ORDER BY t.messages DESC, t.reactions DESC, m.platform_id LIMIT ${TOP_CONTRIBUTORS}`, ctx.communityId, ctx.from, ctx.to);
  return { topContributors: top };
};
