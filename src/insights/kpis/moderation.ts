// Moderation: cases opened in the period by guideline, by action done, automatic vs manual, and
// the median minutes moderators took to decide on messages held for review in the period.
import { rows, type KpiGroup } from "./types.js";

export const moderation: KpiGroup = async (ctx) => {
  const p = [ctx.communityId, ctx.start, ctx.end] as const;
  const byGuideline = await rows<{ k: string; n: number }>(ctx, `
    SELECT coalesce(guideline, '(none)') AS k, count(*)::int AS n FROM cases
    WHERE community_id = $1 AND created_at >= $2::timestamptz AND created_at < $3::timestamptz GROUP BY 1 ORDER BY 2 DESC, 1`, ...p);
  const byKind = await rows<{ k: string; n: number }>(ctx, `
    SELECT kind::text AS k, count(*)::int AS n FROM cases
    WHERE community_id = $1 AND created_at >= $2::timestamptz AND created_at < $3::timestamptz GROUP BY 1`, ...p);
  const byAction = await rows<{ k: string; n: number }>(ctx, `
    SELECT l.kind AS k, count(DISTINCT l.case_id)::int AS n FROM action_logs l JOIN cases c ON c.id = l.case_id
    WHERE c.community_id = $1 AND c.created_at >= $2::timestamptz AND c.created_at < $3::timestamptz AND l.status = 'done'
    GROUP BY 1 ORDER BY 2 DESC, 1`, ...p);
  const [held] = await rows<{ n: number; median: number | null }>(ctx, `
    SELECT count(*)::int AS n,
           (percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM decided_at - created_at) / 60))::float8 AS median
    FROM review_items
    WHERE community_id = $1 AND kind = 'held_message' AND created_at >= $2::timestamptz AND created_at < $3::timestamptz`, ...p);
  const kinds = Object.fromEntries(byKind.map((r) => [r.k, r.n]));
  return {
    moderation: {
      cases: byGuideline.reduce((s, r) => s + r.n, 0),
      byGuideline: Object.fromEntries(byGuideline.map((r) => [r.k, r.n])),
      byAction: Object.fromEntries(byAction.map((r) => [r.k, r.n])),
      automatic: kinds.automatic ?? 0,
      manual: kinds.manual ?? 0,
      heldMessages: held?.n ?? 0,
      heldMedianMinutesToHandle: held?.median ?? null,
    },
  };
};
