// Testimonials in the store: one row per (community, message). The pipeline reads and writes
// them one at a time (captures, answers and withdrawals are rare); suggestions go with the
// pipeline's write batch (pipeline-writer.ts); the export reads the consented ones with their community's language.
import type { PrismaClient } from "./generated/client.js";
import type { Testimonial as Row } from "./generated/client.js";
import type { Testimonial, TestimonialStore } from "../testimonials/record.js";
import type { ConsentChoice } from "../testimonials/state.js";
import type { ExportSource } from "../testimonials/export.js";

const date = (ms: number | null) => (ms === null ? null : new Date(ms));
const ms = (d: Date | null) => (d === null ? null : d.getTime());

function fromRow(r: Row): Testimonial {
  return {
    message: r.messageId,
    channel: r.channel,
    author: r.authorId,
    authorName: r.authorName,
    text: r.text,
    displayText: r.displayText,
    correctedBy: r.correctedBy,
    state: r.state,
    capturedBy: r.capturedBy,
    signals: r.signals,
    createdAt: r.createdAt.getTime(),
    requestedAt: ms(r.requestedAt),
    consentWording: r.consentWording,
    consentChoice: r.consentChoice as ConsentChoice | null,
    consentAt: ms(r.consentAt),
    expiredAt: ms(r.expiredAt),
    withdrawnAt: ms(r.withdrawnAt),
  };
}

function toRow(t: Testimonial) {
  return {
    channel: t.channel,
    authorId: t.author,
    authorName: t.authorName,
    text: t.text,
    displayText: t.displayText,
    correctedBy: t.correctedBy,
    state: t.state,
    capturedBy: t.capturedBy,
    signals: t.signals,
    createdAt: new Date(t.createdAt),
    requestedAt: date(t.requestedAt),
    consentWording: t.consentWording,
    consentChoice: t.consentChoice,
    consentAt: date(t.consentAt),
    expiredAt: date(t.expiredAt),
    withdrawnAt: date(t.withdrawnAt),
  };
}

export class PrismaTestimonials implements TestimonialStore {
  constructor(private readonly prisma: PrismaClient) {}

  async get(community: string, message: string): Promise<Testimonial | null> {
    const r = await this.prisma.testimonial.findUnique({ where: { communityId_messageId: { communityId: Number(community), messageId: message } } });
    return r ? fromRow(r) : null;
  }

  async save(community: string, t: Testimonial): Promise<void> {
    const communityId = Number(community);
    const data = toRow(t);
    await this.prisma.testimonial.upsert({
      where: { communityId_messageId: { communityId, messageId: t.message } },
      create: { communityId, messageId: t.message, ...data },
      update: data,
    });
  }

  async pending(community: string): Promise<Map<string, number>> {
    const rows = await this.prisma.testimonial.findMany({
      where: { communityId: Number(community), state: "pending_consent" },
      select: { messageId: true, requestedAt: true, createdAt: true },
    });
    return new Map(rows.map((r) => [r.messageId, (r.requestedAt ?? r.createdAt).getTime()]));
  }

  async ofAuthor(community: string, author: string): Promise<Testimonial[]> {
    const rows = await this.prisma.testimonial.findMany({ where: { communityId: Number(community), authorId: author }, orderBy: { createdAt: "asc" } });
    return rows.map(fromRow);
  }
}

/** The consented testimonials of one community (by key) or of all, with each community's language and name. */
export async function testimonialsForExport(prisma: PrismaClient, community?: string): Promise<ExportSource[]> {
  const communities = await prisma.community.findMany({
    where: community ? { key: community } : {},
    orderBy: { key: "asc" },
    include: { testimonials: { where: { state: { in: ["consented_named", "consented_anonymous"] } }, orderBy: { consentAt: "asc" } } },
  });
  return communities.map((c) => {
    const s = (c.settings ?? {}) as { language?: string; name?: string };
    return {
      community: c.key,
      ...(s.name ? { communityName: s.name } : {}),
      language: s.language === "bn" ? "bn" : "en",
      testimonials: c.testimonials.map(fromRow),
    };
  });
}
