// Responses: questions asked in the period, minutes to their first reply by someone else
// (median and 90th percentile, linear interpolation: percentile_cont), questions still unanswered.
import { rows, type KpiGroup } from "./types.js";

export const responses: KpiGroup = async (ctx) => {
  const [r] = await rows<{ asked: number; answered: number; median: number | null; p90: number | null }>(ctx, `
    SELECT count(*)::int AS asked, count(answered_at)::int AS answered,
           (percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM answered_at - asked_at) / 60))::float8 AS median,
           (percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM answered_at - asked_at) / 60))::float8 AS p90
    FROM questions WHERE community_id = $1 AND asked_at >= $2::timestamptz AND asked_at < $3::timestamptz`, ctx.communityId, ctx.start, ctx.end);
  return {
    questionsAsked: r?.asked ?? 0,
    firstResponseMedianMinutes: r?.median ?? null,
    firstResponseP90Minutes: r?.p90 ?? null,
    unansweredQuestions: (r?.asked ?? 0) - (r?.answered ?? 0),
  };
};
