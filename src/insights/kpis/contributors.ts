// Top contributors: the ten members with the most messages in the period (ties: more
// reactions, then platform id); members who only reacted are not listed.
import { rows, type Contributor, type KpiGroup } from "./types.js";

export const TOP_CONTRIBUTORS = 10;

export const contributors: KpiGroup = async (ctx) => {
  const top = await rows<Contributor>(ctx, `
    SELECT m.platform_id AS member, m.name, sum(a.messages)::int AS messages, sum(a.reactions)::int AS reactions
    FROM member_daily_activity a JOIN members m ON m.id = a.member_id
    WHERE a.community_id = $1 AND a.day BETWEEN $2::date AND $3::date
    GROUP BY m.id HAVING sum(a.messages) > 0
    ORDER BY messages DESC, reactions DESC, m.platform_id LIMIT ${TOP_CONTRIBUTORS}`, ctx.communityId, ctx.from, ctx.to);
  return { topContributors: top };
};
