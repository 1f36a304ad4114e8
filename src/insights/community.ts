// Which community a report is about: its store id and time zone, from its settings key.
import type { PrismaClient } from "../store/index.js";

export interface InsightsCommunity {
  id: number;
  key: string;
  timezone: string;
  /** "discord", "slack", "replay", … */
  platform: string;
}

export class UnknownCommunityError extends Error {
  constructor(readonly key: string, readonly known: string[]) {
    super(known.length ? `no community "${key}" in the store; known: ${known.join(", ")}` : `no community "${key}": the store has no communities yet (run steward start or steward replay first)`);
  }
}

export async function listCommunities(prisma: PrismaClient): Promise<InsightsCommunity[]> {
  return prisma.community.findMany({ select: { id: true, key: true, timezone: true, platform: true }, orderBy: { key: "asc" } });
}

export async function findCommunity(prisma: PrismaClient, key: string): Promise<InsightsCommunity> {
  const c = await prisma.community.findUnique({ where: { key }, select: { id: true, key: true, timezone: true, platform: true } });
  if (c) return c;
  throw new UnknownCommunityError(key, (await listCommunities(prisma)).map((x) => x.key));
}
