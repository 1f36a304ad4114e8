// Answers of a newcomer who is between pages of the questions, kept in memory for a while (a
// restart or the time limit loses them: the newcomer starts again with the gate's button).
import type { Answer } from "../../../onboarding/screening.js";

export const DRAFT_LIFETIME_MS = 30 * 60_000;

interface Draft {
  answers: Record<string, Answer>;
  /** The page whose answers are expected next. */
  next: number;
  expires: number;
}

export class Drafts {
  private readonly drafts = new Map<string, Draft>();

  constructor(private readonly lifetimeMs = DRAFT_LIFETIME_MS, private readonly now: () => number = Date.now) {}

  /** The page the member may answer next (1 when they have no draft). */
  nextPage(guild: string, member: string): number {
    return this.get(guild, member)?.next ?? 1;
  }

  /** Keeps a page's answers; returns all answers so far, or null when the page is not the one expected (expired, out of order). */
  add(guild: string, member: string, page: number, answers: Record<string, Answer>): Record<string, Answer> | null {
    const key = `${guild}:${member}`;
    const draft = page === 1 ? { answers: {}, next: 1, expires: 0 } : this.get(guild, member);
    if (!draft || draft.next !== page) return null;
    const kept = { answers: { ...draft.answers, ...answers }, next: page + 1, expires: this.now() + this.lifetimeMs };
    this.drafts.set(key, kept);
    return kept.answers;
  }

  drop(guild: string, member: string): void {
    this.drafts.delete(`${guild}:${member}`);
  }

  private get(guild: string, member: string): Draft | undefined {
    const now = this.now();
    for (const [key, d] of this.drafts) if (d.expires <= now) this.drafts.delete(key);
    return this.drafts.get(`${guild}:${member}`);
  }
}
