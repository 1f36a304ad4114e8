// KPI group `links`: clicks on tracked links per campaign in the period (docs/insights-links.md).
// Clicks are counted when they happen (link-preview fetchers excluded, src/http/links.ts).
import type { PrismaClient } from "../../store/index.js";

export type CampaignClicks = {
  campaign: string;
  /** Counted clicks in the period on the campaign's links. */
  clicks: number;
  /** The campaign's tracked links made before the period's end. */
  links: number;
};

/**
 * Campaigns with a click in [from, to) or a link made in it, most clicked first (then by name).
 * A campaign is its utm_campaign text: two links with the same campaign count together.
 */
export async function linkClicksByCampaign(prisma: PrismaClient, communityId: number, range: { from: Date; to: Date }): Promise<CampaignClicks[]> {
  const rows = await prisma.$queryRawUnsafe<CampaignClicks[]>(
    `SELECT l.campaign, count(c.id)::int AS clicks, count(DISTINCT l.id)::int AS links
     FROM tracked_links l
     LEFT JOIN link_clicks c ON c.link_id = l.id AND c.at >= $2::timestamptz AND c.at < $3::timestamptz
     WHERE l.community_id = $1 AND l.created_at < $3::timestamptz
     GROUP BY l.campaign
     HAVING count(c.id) > 0 OR bool_or(l.created_at >= $2::timestamptz)
     ORDER BY clicks DESC, l.campaign`,
    communityId,
    range.from.toISOString(),
    range.to.toISOString(),
  );
  return rows.map((r) => ({ campaign: r.campaign, clicks: Number(r.clicks), links: Number(r.links) }));
}

/** As a KPI group: the period's [start, end) instants from the KPI context. */
export async function links(ctx: { prisma: PrismaClient; communityId: number; start: string; end: string }): Promise<{ links: CampaignClicks[] }> {
  return { links: await linkClicksByCampaign(ctx.prisma, ctx.communityId, { from: new Date(ctx.start), to: new Date(ctx.end) }) };
}
