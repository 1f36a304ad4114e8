// Tracked links and their clicks in the store (src/insights/links.ts says what they are).
import type { PrismaClient } from "./generated/client.js";
import { isUniqueViolation } from "./prisma-errors.js";
import { DEFAULT_PUBLIC_URL, newLinkCode, shortLink, validateCampaign, validateTargetUrl, type Click, type LinkStore, type NewLink, type TrackedLinkView } from "../insights/links.js";

interface LinkRow {
  id: number;
  communityId: number;
  code: string;
  url: string;
  campaign: string;
  medium: string;
  createdBy: string;
  createdAt: Date;
}

const view = (r: LinkRow): TrackedLinkView => ({
  id: r.id,
  community: String(r.communityId),
  code: r.code,
  url: r.url,
  campaign: r.campaign,
  medium: r.medium,
  createdBy: r.createdBy,
  createdAt: r.createdAt.getTime(),
});

export class PrismaLinks implements LinkStore {
  /** `publicUrl` is read at each call: with PORT=0 it is known once the server listens. */
  constructor(private readonly prisma: PrismaClient, private readonly publicUrl: () => string = () => DEFAULT_PUBLIC_URL) {}

  shortLink(code: string): string {
    return shortLink(this.publicUrl(), code);
  }

  async create(link: NewLink): Promise<TrackedLinkView> {
    const url = validateTargetUrl(link.url);
    const campaign = validateCampaign(link.campaign);
    // A collision among 62^8 codes is very unlikely; the unique index catches it and we draw again.
    for (let attempt = 0; ; attempt++) {
      try {
        const row = await this.prisma.trackedLink.create({
          data: { communityId: Number(link.community), code: newLinkCode(), url, campaign, medium: link.medium, createdBy: link.createdBy },
        });
        return view(row);
      } catch (err) {
        if (!isUniqueViolation(err) || attempt >= 5) throw err;
      }
    }
  }

  async byCode(code: string): Promise<TrackedLinkView | null> {
    const row = await this.prisma.trackedLink.findUnique({ where: { code } });
    return row ? view(row) : null;
  }

  async list(community: string, limit: number): Promise<(TrackedLinkView & { clicks: number })[]> {
    const rows = await this.prisma.trackedLink.findMany({
      where: { communityId: Number(community) },
      orderBy: { id: "desc" },
      take: limit,
      include: { _count: { select: { clicks: true } } },
    });
    return rows.map((r) => ({ ...view(r), clicks: r._count.clicks }));
  }

  async recordClicks(clicks: readonly Click[]): Promise<void> {
    if (!clicks.length) return;
    // One statement per batch; a click on a link deleted meanwhile is dropped rather than failing
    // the batch (and every click queued behind it) on the foreign key.
    await this.prisma.$executeRawUnsafe(
      `INSERT INTO link_clicks (link_id, at)
       SELECT x.l, x.t::timestamptz FROM json_to_recordset($1::json) AS x(l int, t text)
       WHERE EXISTS (SELECT 1 FROM tracked_links WHERE id = x.l)`,
      JSON.stringify(clicks.map((c) => ({ l: c.linkId, t: new Date(c.at).toISOString() }))),
    );
  }
}

/** The store id of a community by its key (e.g. "acme"), or null when Steward has never seen it. */
export async function communityIdOf(prisma: PrismaClient, key: string): Promise<{ id: number; platform: string } | null> {
  return prisma.community.findUnique({ where: { key }, select: { id: true, platform: true } });
}
