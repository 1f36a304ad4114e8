// Testimonials: consent requests sent in the period (captures) and consents given in it.
import { rows, type KpiGroup } from "./types.js";

export const testimonials: KpiGroup = async (ctx) => {
  const [r] = await rows<{ captured: number; consented: number }>(ctx, `
    SELECT count(*) FILTER (WHERE requested_at >= $2::timestamptz AND requested_at < $3::timestamptz)::int AS captured,
           count(*) FILTER (WHERE consent_at >= $2::timestamptz AND consent_at < $3::timestamptz AND consent_choice IN ('named', 'anonymous'))::int AS consented
    FROM testimonials WHERE community_id = $1`, ctx.communityId, ctx.start, ctx.end);
  return { testimonials: { captured: r?.captured ?? 0, consented: r?.consented ?? 0 } };
};
