// Questions still waiting for their first reply, per community, in memory (bounded). The pipeline
// shows it every new message; it says whether the message asks and which open questions it answers.
//
// What answers a question (docs/kpis.md): the first later message, within 24 h, by someone other
// than the asker that either
//   - replies to it (`replyTo` = the question, in any channel), or is posted in the thread started
//     on it (thread id = the question's message id, as on Discord), or
//   - is posted in the same place (the thread when the question was asked in a thread, else the
//     channel) and is not itself a question (a follow-up question answers nothing unless it replies).
// Questions older than 24 h, or pushed out by the bound, stay unanswered.
import { isQuestion } from "./questions.js";

export const ANSWER_WINDOW_MS = 24 * 3_600_000;

/** A question waiting for its first reply: where it was asked (thread, else channel) and when. */
export interface OpenQuestion {
  id: string;
  asker: string;
  place: string;
  at: number;
}
type Open = OpenQuestion;

export interface AskedMessage {
  id: string;
  author: string;
  channel: string;
  thread?: string | undefined;
  replyTo?: string | undefined;
  text: string;
  at: number;
}

export interface Answered {
  question: string;
  askedAt: number;
}

class CommunityQuestions {
  readonly byId = new Map<string, Open>();
  readonly byPlace = new Map<string, Open[]>();
}

export class OpenQuestions {
  private readonly communities = new Map<string, CommunityQuestions>();

  constructor(private readonly limit = 5000) {}

  /** Matches the message against open questions, then opens it when it asks. */
  message(community: string, m: AskedMessage): { asks: boolean; answered: Answered[] } {
    let c = this.communities.get(community);
    if (!c) this.communities.set(community, (c = new CommunityQuestions()));
    const answered: Answered[] = [];
    const asks = isQuestion(m.text);
    if (c.byId.size) {
      if (m.replyTo) this.answerById(c, m.replyTo, m, answered);
      if (m.thread) this.answerById(c, m.thread, m, answered);
      const place = m.thread ?? m.channel;
      const list = c.byPlace.get(place);
      if (list) {
        // Keep what stays open: the author's own questions, and all of them when this message asks.
        const keep: Open[] = [];
        for (const q of list) {
          if (!c.byId.has(q.id) || m.at - q.at > ANSWER_WINDOW_MS) c.byId.delete(q.id);
          else if (asks || q.asker === m.author) keep.push(q);
          else {
            c.byId.delete(q.id);
            answered.push({ question: q.id, askedAt: q.at });
          }
        }
        if (keep.length) c.byPlace.set(place, keep);
        else c.byPlace.delete(place);
      }
    }
    if (asks) this.open(c, { id: m.id, asker: m.author, place: m.thread ?? m.channel, at: m.at });
    return { asks, answered };
  }

  /** Questions the store holds unanswered (a restart), oldest first; the 24-hour window applies as for any. */
  restore(community: string, questions: readonly OpenQuestion[]): void {
    let c = this.communities.get(community);
    if (!c) this.communities.set(community, (c = new CommunityQuestions()));
    for (const q of questions) this.open(c, q);
  }

  /** Open questions held for a community (tests, diagnostics). */
  size(community: string): number {
    return this.communities.get(community)?.byId.size ?? 0;
  }

  private answerById(c: CommunityQuestions, id: string, m: AskedMessage, out: Answered[]): void {
    const q = c.byId.get(id);
    if (!q || q.asker === m.author) return;
    c.byId.delete(id); // its place list drops it lazily
    if (m.at - q.at <= ANSWER_WINDOW_MS) out.push({ question: q.id, askedAt: q.at });
  }

  private open(c: CommunityQuestions, q: Open): void {
    if (c.byId.has(q.id)) return;
    if (c.byId.size >= this.limit) this.evictOldest(c);
    c.byId.set(q.id, q);
    const list = c.byPlace.get(q.place);
    if (list) list.push(q);
    else c.byPlace.set(q.place, [q]);
  }

  /** Drops the oldest open question (insertion order is time order), and empty place lists. */
  private evictOldest(c: CommunityQuestions): void {
    const first = c.byId.values().next().value;
    if (!first) return;
    c.byId.delete(first.id);
    const list = c.byPlace.get(first.place);
    if (!list) return;
    const rest = list.filter((q) => q.id !== first.id && c.byId.has(q.id));
    if (rest.length) c.byPlace.set(first.place, rest);
    else c.byPlace.delete(first.place);
  }
}
