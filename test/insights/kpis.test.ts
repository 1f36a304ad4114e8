// Every KPI of October 2026 for a crafted community in Asia/Dhaka (UTC+6), replayed through the
// real pipeline into the real store (PGlite; PostgreSQL too with TEST_DATABASE_URL). Expected
// values are worked out by hand from fixtures/october.jsonl in the comments; nothing is read
// back from the store to build them.
//
// October 2026 in Dhaka = [2026-09-30T18:00Z, 2026-10-31T18:00Z); September = [08-31T18:00Z, 09-30T18:00Z).
// Cast: mona (moderator, joined Aug), ann (Aug), ben, cat, eve (Sept: the retention cohort),
// dan (joined 09-30T19:00Z = Oct 1 01:00 local: an October join), fay (Oct 5), gus (Oct 6),
// hal (never seen joining: first message Oct 8), ivy (joins Oct 25, leaves Oct 28, rejoins Oct 29).
import { afterAll, describe, expect, it } from "vitest";
import { openStore, type Store } from "../../src/store/index.js";
import { computeKpis, dailySeries, isoWeekRange, monthRange, unansweredQuestions, UnknownCommunityError } from "../../src/insights/index.js";
import { backends } from "../store/backends.js";
import { replayInto } from "./replay.js";

for (const backend of backends()) {
  describe(`KPIs of a crafted month (${backend.name})`, () => {
    afterAll(() => backend.cleanup());
    let store: Store;

    it("replays October and computes every KPI as worked out by hand", async () => {
      store = await openStore(backend.freshOptions());
      await replayInto(store, "october.jsonl");
      const k = await computeKpis(store.prisma, { community: "acme", ...monthRange("2026-10") });

      expect([k.from, k.to, k.days, k.timezone]).toEqual(["2026-10-01", "2026-10-31", 31, "Asia/Dhaka"]);
      // Members at 09-30T18:00Z: mona, ann, ben, cat, eve = 5 (dan came an hour later).
      expect(k.membersStart).toBe(5);
      // Join events on October's local days: dan, fay, gus, ivy, ivy again = 5; leaves: cat, ivy = 2.
      expect(k.joined).toBe(5);
      expect(k.left).toBe(2);
      // At 10-31T18:00Z: 5 at the start + 5 joins − 2 leaves + hal (first seen, not a join) = 9:
      // mona, ann, ben, eve, dan, fay, gus, hal, ivy (cat left; ivy left and came back).
      expect(k.membersEnd).toBe(9);
      // (9 − 5) / 5 × 100
      expect(k.netGrowthPct).toBeCloseTo(80, 10);

      // Posted or reacted on October's local days: ann, ben, mona, dan, cat, fay, hal, gus (a reaction only
      // until Oct 20) = 8; eve was active in September only, ivy never. ann's 10-31T18:30Z message is Nov 1 00:30 local.
      expect(k.activeMembers).toBe(8);
      expect(k.engagementRate).toBeCloseTo(8 / 9, 10);
      // Messages: ann 6 (good morning at 09-30T18:30Z = Oct 1 local, answer, hello, thread reply, insult, q6),
      // ben 5, mona 3, fay 2, dan 1, cat 1, gus 1, hal 1 = 20.
      expect(k.messages).toBe(20);
      expect(k.messagesPerActiveMember).toBeCloseTo(20 / 8, 10);
      // Distinct active per local day: Oct 1 ann 1; Oct 2 ben ann dan 3; Oct 3 ben mona 2; Oct 5 cat ann mona fay 4;
      // Oct 7 gus (👍) 1; Oct 8 hal ben ann 3; Oct 10 fay + mona (⭐) 2; Oct 15 mona (23:30Z on the 14th) 1;
      // Oct 20 gus ann 2; Oct 21 ben 1; Oct 31 ann 1 → 21 over 31 days; / 8 active.
      expect(k.dauMauRatio).toBeCloseTo(21 / 31 / 8, 10);

      // October join stays: dan (posted Oct 2 ≤ Oct 1 + 7), fay (posted Oct 5), gus (first post Oct 20 > Oct 13;
      // his 👍 is not a post), ivy ×2 (never posted) → 2 / 5.
      expect(k.newMemberActivation).toBeCloseTo(2 / 5, 10);
      // September cohort ben, cat, eve: ben is still a member and active; cat left; eve idle → 1 / 3.
      expect(k.retention).toBeCloseTo(1 / 3, 10);

      // Questions: q1 (en, "?"), q2 (bn কবে), q3 (Banglish kivabe), q4, q5, q6 = 6.
      // First replies: q1 ann +45 min (same channel); q2 mona +130 min (ben's own "any update" does not count);
      // q3 mona +60 min (replyTo, from another channel); q4 ann +245 min (in the thread on q4; q5 in between
      // is itself a question). q5: fay's next message in #general comes 48 h later; q6: only ann herself after it.
      expect(k.questionsAsked).toBe(6);
      expect(k.unansweredQuestions).toBe(2);
      // Sorted 45, 60, 130, 245: median (60 + 130) / 2; p90 at 0.9 × 3 = 2.7 → 130 + 0.7 × (245 − 130).
      expect(k.firstResponseMedianMinutes).toBeCloseTo(95, 6);
      expect(k.firstResponseP90Minutes).toBeCloseTo(210.5, 6);

      // By messages, then reactions, then id: gus (1 message, 1 reaction) before cat, dan, hal.
      expect(k.topContributors.map((c) => [c.member, c.messages, c.reactions])).toEqual([
        ["ann", 6, 0], ["ben", 5, 0], ["mona", 3, 1], ["fay", 2, 0], ["gus", 1, 1], ["cat", 1, 0], ["dan", 1, 0], ["hal", 1, 0],
      ]);
      expect(k.topContributors[0]!.name).toBe("Ann");

      // Cases: fay's "check this" within an hour of joining (no-link-spam/newcomer-link, held), ann's insult
      // (respect), ben's "free nitro" (no-link-spam/scam), mona's /warn of gus (manual).
      expect(k.moderation).toEqual({
        cases: 4,
        byGuideline: { "no-link-spam": 2, manual: 1, respect: 1 },
        // delete: insult + scam; warn: insult + /warn; timeout: scam (its escalation is the same case); hold: fay;
        // alert: the scam rule's alert + the mod-log alert every manual action posts (case #4).
        byAction: { deleteMessage: 2, warn: 2, alertModerators: 2, holdForReview: 1, timeout: 1 },
        automatic: 3,
        manual: 1,
        heldMessages: 1,
        // held 10:30, approved 11:15
        heldMedianMinutesToHandle: 45,
      });
      // mona's ⭐ on fay's thanks (Oct 10) asked for consent; fay chose "named" on Oct 11.
      expect(k.testimonials).toEqual({ captured: 1, consented: 1 });
      expect(k.links).toEqual([]);
      expect(k).not.toHaveProperty("customers");
    });

    it("counts a message at 23:30 UTC on the next local day in Asia/Dhaka", async () => {
      const days = await dailySeries(store.prisma, "acme", "2026-10-14", "2026-10-15");
      expect(days.map((d) => [d.day, d.messages, d.activeMembers])).toEqual([
        ["2026-10-14", 0, 0],
        ["2026-10-15", 1, 1],
      ]);
      // The first local day of October holds ann's 18:30Z message and dan's 19:00Z join.
      const [oct1] = await dailySeries(store.prisma, "acme", "2026-10-01", "2026-10-01");
      expect(oct1).toMatchObject({ day: "2026-10-01", messages: 1, joins: 1, activeMembers: 1 });
      // Questions and their answers are counted on the day asked: Oct 2 (q1), Oct 8 (q4 answered, q5 not).
      const week = await dailySeries(store.prisma, "acme", "2026-10-02", "2026-10-08");
      expect(week.map((d) => [d.day, d.questions, d.answered])).toEqual([
        ["2026-10-02", 1, 1], ["2026-10-03", 1, 1], ["2026-10-04", 0, 0], ["2026-10-05", 1, 1], ["2026-10-06", 0, 0], ["2026-10-07", 0, 0], ["2026-10-08", 2, 1],
      ]);
    });

    it("works for any range of local days: an ISO week, and a period with nothing in it", async () => {
      // 2026-W41 = Oct 5 .. Oct 11. Active: cat, ann, mona, fay (Oct 5), gus (Oct 7), hal, ben (Oct 8) = 7.
      const w = await computeKpis(store.prisma, { community: "acme", ...isoWeekRange("2026-W41") });
      expect([w.from, w.to, w.activeMembers]).toEqual(["2026-10-05", "2026-10-11", 7]);
      // Messages Oct 5–11: q3, hello, reply, check (Oct 5) + q4, q5, thread reply (Oct 8) + thanks (Oct 10) = 8.
      expect(w.messages).toBe(8);
      // Joined fay, gus; members at Oct 5 00:00 local: mona ann ben cat eve dan = 6; at the end + fay gus hal = 9.
      expect([w.joined, w.membersStart, w.membersEnd]).toEqual([2, 6, 9]);
      // The previous week (Sep 28 – Oct 4) had dan's join only: retention's cohort = dan, active Oct 5–11? No → 0 / 1.
      expect(w.retention).toBe(0);

      const empty = await computeKpis(store.prisma, { community: "acme", from: "2025-01-01", to: "2025-01-31" });
      expect(empty).toMatchObject({
        membersStart: 0, membersEnd: 0, activeMembers: 0, messages: 0,
        netGrowthPct: null, engagementRate: null, dauMauRatio: null, messagesPerActiveMember: null,
        newMemberActivation: null, retention: null, firstResponseMedianMinutes: null, firstResponseP90Minutes: null,
      });
      expect(JSON.stringify(empty)).not.toContain("NaN");
    });

    it("lists unanswered questions and refuses an unknown community, naming the known ones", async () => {
      const open = await unansweredQuestions(store.prisma, "acme", "2026-10-01", "2026-10-31");
      expect(open.map((q) => [q.message, q.asker, q.text])).toEqual([
        ["q5", "ben", "What about students?"],
        ["q6", "ann", "Who is online tonight?"],
      ]);
      await expect(computeKpis(store.prisma, { community: "nope", ...monthRange("2026-10") })).rejects.toThrow(UnknownCommunityError);
      await expect(computeKpis(store.prisma, { community: "nope", ...monthRange("2026-10") })).rejects.toThrow('no community "nope" in the store; known: acme');
      await store.close();
    });
  });
}
