// A testimonial as the pipeline and the export see it, and the store port that keeps them
// (src/store/testimonials.ts on Prisma, MemoryTestimonials for backtests and tests).
import type { ConsentChoice, TestimonialState } from "./state.js";

export interface Testimonial {
  /** Platform id of the message; one testimonial per message and community. */
  message: string;
  channel: string;
  author: string;
  authorName: string | null;
  /** The message as written. */
  text: string;
  /** A moderator's corrected display text (the original is kept in `text`). */
  displayText: string | null;
  correctedBy: string | null;
  state: TestimonialState;
  capturedBy: string | null;
  /** Why the lexicon suggested it ("praise:beautiful", "product:bag"). */
  signals: string[];
  createdAt: number;
  requestedAt: number | null;
  /** The consent request exactly as shown to the author. */
  consentWording: string | null;
  consentChoice: ConsentChoice | null;
  consentAt: number | null;
  expiredAt: number | null;
  withdrawnAt: number | null;
}

/** `community` arguments are store ids (CommunityState.dbId). */
export interface TestimonialStore {
  get(community: string, message: string): Promise<Testimonial | null>;
  /** Inserts or replaces the testimonial of (community, message). */
  save(community: string, t: Testimonial): Promise<void>;
  /** Testimonials waiting for consent: message → requested at. */
  pending(community: string): Promise<Map<string, number>>;
  /** The author's testimonials, oldest first. */
  ofAuthor(community: string, author: string): Promise<Testimonial[]>;
}

export class MemoryTestimonials implements TestimonialStore {
  private readonly kept = new Map<string, Map<string, Testimonial>>();

  private of(community: string): Map<string, Testimonial> {
    let k = this.kept.get(community);
    if (!k) this.kept.set(community, (k = new Map()));
    return k;
  }

  async get(community: string, message: string): Promise<Testimonial | null> {
    const t = this.of(community).get(message);
    return t ? structuredClone(t) : null;
  }

  async save(community: string, t: Testimonial): Promise<void> {
    this.of(community).set(t.message, structuredClone(t));
  }

  /** Inserts suggestions; a message that already has a testimonial keeps it. */
  suggest(community: string, ts: readonly Testimonial[]): void {
    const k = this.of(community);
    for (const t of ts) if (!k.has(t.message)) k.set(t.message, structuredClone(t));
  }

  async pending(community: string): Promise<Map<string, number>> {
    const out = new Map<string, number>();
    for (const t of this.of(community).values()) if (t.state === "pending_consent") out.set(t.message, t.requestedAt ?? t.createdAt);
    return out;
  }

  async ofAuthor(community: string, author: string): Promise<Testimonial[]> {
    return [...this.of(community).values()].filter((t) => t.author === author).sort((a, b) => a.createdAt - b.createdAt).map((t) => structuredClone(t));
  }

  /** Every testimonial of a community (tests). */
  all(community: string): Testimonial[] {
    return [...this.of(community).values()].map((t) => structuredClone(t));
  }
}
