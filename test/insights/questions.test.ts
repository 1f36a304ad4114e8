// The question detector (English, Bengali script, romanized Bengali) and the open-question
// matcher that decides which message is a question's first reply.
import { describe, expect, it } from "vitest";
import { isQuestion, questionExcerpt } from "../../src/insights/questions.js";
import { OpenQuestions, ANSWER_WINDOW_MS } from "../../src/insights/open-questions.js";

describe("isQuestion", () => {
  it.each([
    ["How do I reset my password", "English wh- opening, no mark"],
    ["my order is late, any news?", "question mark"],
    ["ডেলিভারি কবে হবে？", "full-width question mark"],
    ["Can you ship to Sylhet", "auxiliary + pronoun"],
    ["does anyone know the store hours", "does + anyone"],
    ["anyone tried the blue dye", "anyone opening"],
    ["এটার দাম কত", "Bengali কত (how much)"],
    ["অর্ডার কবে আসবে", "Bengali কবে (when)"],
    ["কীভাবে ফেরত দেব", "Bengali কীভাবে (how)"],
    ["আপনি কি আজ আসবেন", "Bengali yes/no কি"],
    ["kivabe order korbo", "Banglish kivabe"],
    ["apnader shop kothay", "Banglish kothay"],
    ["dam koto bhai", "Banglish koto"],
    ["tumi ki kal asbe", "Banglish ki"],
  ])("asks: %s (%s)", (text) => expect(isQuestion(text)).toBe(true));

  it.each([
    ["?", "a lone mark"],
    ["why?", "one word"],
    ["Thanks a lot", "statement"],
    ["Do this now", "an order, not a question"],
    ["কি সুন্দর!", "exclamation"],
    ["how cool is that!", "exclamation"],
    ["see https://example.com/?ref=abc for details", "the ? is inside a link"],
    ["kal ashbe", "Banglish statement"],
    ["", "empty"],
  ])("does not ask: %s (%s)", (text) => expect(isQuestion(text)).toBe(false));

  it("keeps a short excerpt", () => {
    expect(questionExcerpt("  how   do\nI  ")).toBe("how do I");
    expect(questionExcerpt("a".repeat(300))).toHaveLength(200);
  });
});

const T0 = Date.parse("2026-10-01T09:00:00Z");
const min = 60_000;
const msg = (id: string, author: string, text: string, at: number, more: { channel?: string; thread?: string; replyTo?: string } = {}) => ({ id, author, text, at, channel: more.channel ?? "help", thread: more.thread, replyTo: more.replyTo });

describe("OpenQuestions", () => {
  it("the first message by someone else in the same channel answers; the asker's own does not", () => {
    const q = new OpenQuestions();
    expect(q.message("c", msg("q1", "ann", "How do I pay?", T0))).toEqual({ asks: true, answered: [] });
    expect(q.message("c", msg("m1", "ann", "still waiting", T0 + min)).answered).toEqual([]);
    expect(q.message("c", msg("m2", "bob", "elsewhere", T0 + 2 * min, { channel: "general" })).answered).toEqual([]);
    expect(q.message("c", msg("m3", "bob", "use the card form", T0 + 3 * min)).answered).toEqual([{ question: "q1", askedAt: T0 }]);
    // Answered once only.
    expect(q.message("c", msg("m4", "cy", "or cash", T0 + 4 * min)).answered).toEqual([]);
    expect(q.size("c")).toBe(0);
  });

  it("a reply (replyTo) or a message in the thread started on the question answers from anywhere", () => {
    const q = new OpenQuestions();
    q.message("c", msg("q1", "ann", "What sizes are there?", T0));
    q.message("c", msg("q2", "ann", "Which colours are there?", T0 + min));
    expect(q.message("c", msg("r1", "bob", "S to XL", T0 + 5 * min, { channel: "other", replyTo: "q1" })).answered).toEqual([{ question: "q1", askedAt: T0 }]);
    expect(q.message("c", msg("r2", "bob", "red and blue", T0 + 6 * min, { channel: "other", thread: "q2" })).answered).toEqual([{ question: "q2", askedAt: T0 + min }]);
  });

  it("a follow-up question in the channel answers nothing; a question in a thread waits in that thread", () => {
    const q = new OpenQuestions();
    q.message("c", msg("q1", "ann", "Is the shop open today?", T0));
    expect(q.message("c", msg("q2", "bob", "and tomorrow?", T0 + min))).toEqual({ asks: true, answered: [] });
    q.message("c", msg("q3", "cy", "what about returns?", T0 + 2 * min, { thread: "t1" }));
    // In the channel: answers q1 and q2 (not asked by dee), not q3 (in the thread).
    expect(q.message("c", msg("m1", "dee", "yes, 9 to 5", T0 + 3 * min)).answered.map((a) => a.question)).toEqual(["q1", "q2"]);
    expect(q.message("c", msg("m2", "dee", "30 days", T0 + 4 * min, { thread: "t1" })).answered.map((a) => a.question)).toEqual(["q3"]);
  });

  it("after 24 hours a question stays unanswered, and communities are apart", () => {
    const q = new OpenQuestions();
    q.message("a", msg("q1", "ann", "How long is shipping?", T0));
    q.message("b", msg("q1", "ann", "How long is shipping?", T0));
    expect(q.message("a", msg("m1", "bob", "3 days", T0 + ANSWER_WINDOW_MS + 1)).answered).toEqual([]);
    expect(q.message("b", msg("m1", "bob", "3 days", T0 + ANSWER_WINDOW_MS)).answered).toEqual([{ question: "q1", askedAt: T0 }]);
    expect(q.message("a", msg("m2", "bob", "late reply", T0 + ANSWER_WINDOW_MS + 2, { replyTo: "q1" })).answered).toEqual([]);
  });

  it("keeps at most `limit` open questions per community, dropping the oldest", () => {
    const q = new OpenQuestions(3);
    for (let i = 0; i < 5; i++) q.message("c", msg(`q${i}`, `u${i}`, "what now?", T0 + i * min, { channel: `ch${i % 2}` }));
    expect(q.size("c")).toBe(3);
    expect(q.message("c", msg("r0", "x", "answer", T0 + 10 * min, { replyTo: "q0" })).answered).toEqual([]);
    expect(q.message("c", msg("r1", "x", "here", T0 + 11 * min, { channel: "ch0" })).answered.map((a) => a.question)).toEqual(["q2", "q4"]);
  });
});
