// The insights rollups written batch by batch (a flush after every event, as a live bot with a
// quiet community does): spans closed and reopened across batches, first-seen members, questions
// answered in a later batch, and the same KPIs as when everything lands in one batch.
import { afterAll, describe, expect, it } from "vitest";
import path from "node:path";
import { Pipeline } from "../../src/core/pipeline.js";
import { PrismaPersistence } from "../../src/store/pipeline-writer.js";
import { ReplayAdapter } from "../../src/platforms/replay/adapter.js";
import { GuidelineLibrary } from "../../src/guidelines/library.js";
import { SettingsProvider } from "../../src/config/settings.js";
import { defaultSettings } from "../../src/config/settings-schema.js";
import { silentLogger } from "../../src/log.js";
import { stewardEvent, type StewardEventInput } from "../../src/core/events.js";
import { computeKpis } from "../../src/insights/index.js";
import { backends } from "../store/backends.js";

const events: Record<string, unknown>[] = [
  { type: "member.joined", at: "2026-11-02T09:00:00Z", member: { id: "ana" } },
  { type: "message.created", at: "2026-11-02T10:00:00Z", channel: "help", message: { id: "q1", author: "ana", text: "Where is my parcel?" } },
  // bo was there before Steward: first seen by this reply, which answers q1 (90 min).
  { type: "message.created", at: "2026-11-02T11:30:00Z", channel: "help", message: { id: "m1", author: "bo", text: "Tracking is in your email" } },
  { type: "member.left", at: "2026-11-03T09:00:00Z", member: { id: "ana" } },
  { type: "member.left", at: "2026-11-03T10:00:00Z", member: { id: "ana" } }, // a repeated leave changes nothing
  { type: "member.joined", at: "2026-11-04T09:00:00Z", member: { id: "ana" } },
  { type: "member.joined", at: "2026-11-04T09:30:00Z", member: { id: "ana" } }, // a repeated join: same stay
  { type: "reaction.added", at: "2026-11-04T10:00:00Z", channel: "help", message: "m1", member: "cy", emoji: "👍" }, // cy first seen
  { type: "member.left", at: "2026-11-05T09:00:00Z", member: { id: "cy" } },
];

async function run(prisma: ConstructorParameters<typeof PrismaPersistence>[0], flushEach: boolean, list = events): Promise<void> {
  const library = await GuidelineLibrary.load(path.resolve("test/fixtures/rules"));
  const settings = new SettingsProvider(new Map([["acme", defaultSettings("acme")]]));
  const pipeline = new Pipeline({ adapter: new ReplayAdapter(), persistence: new PrismaPersistence(prisma), settings, library, logger: silentLogger });
  for (const e of list) {
    await pipeline.handle(stewardEvent.parse({ community: "acme", ...e } as StewardEventInput));
    if (flushEach) await pipeline.flush();
  }
  await pipeline.flush();
}

for (const backend of backends()) {
  describe(`insights rollups across batches (${backend.name})`, () => {
    afterAll(() => backend.cleanup());

    for (const flushEach of [true, false]) {
      it(`keeps spans and answers right ${flushEach ? "with a flush after every event" : "in one batch"}`, async () => {
        const store = await backend.open();
        try {
          await run(store.prisma, flushEach);
          const spans = await store.prisma.membershipSpan.findMany({ orderBy: { joinedAt: "asc" }, select: { member: { select: { platformId: true } }, joinedAt: true, leftAt: true, firstSeen: true } });
          expect(spans.map((s) => [s.member.platformId, s.joinedAt.toISOString(), s.leftAt?.toISOString() ?? null, s.firstSeen])).toEqual([
            ["ana", "2026-11-02T09:00:00.000Z", "2026-11-03T09:00:00.000Z", false],
            ["bo", "2026-11-02T11:30:00.000Z", null, true],
            ["ana", "2026-11-04T09:00:00.000Z", null, false],
            ["cy", "2026-11-04T10:00:00.000Z", "2026-11-05T09:00:00.000Z", true],
          ]);
          const q = await store.prisma.question.findMany();
          expect(q.map((x) => [x.messageId, x.answeredBy, x.answerMessageId, x.answeredAt?.toISOString()])).toEqual([["q1", "bo", "m1", "2026-11-02T11:30:00.000Z"]]);

          // Nov 2 – 5 (UTC): at the start nobody; at the end ana and bo. Joins: ana ×3 events; leaves: ana ×2, cy.
          const k = await computeKpis(store.prisma, { community: "acme", from: "2026-11-02", to: "2026-11-05" });
          expect([k.membersStart, k.membersEnd, k.joined, k.left]).toEqual([0, 2, 3, 3]);
          // Join stays in the period: ana's two; the first posted (q1 on the day of joining), the second did not yet.
          expect(k.newMemberActivation).toBeCloseTo(1 / 2, 10);
          expect([k.questionsAsked, k.unansweredQuestions, k.firstResponseMedianMinutes]).toEqual([1, 0, 90]);
        } finally {
          await store.close();
        }
      });
    }

    it("a restart between a question and its answer still counts the answer (open questions are read back)", async () => {
      const store = await backend.open();
      try {
        await run(store.prisma, false, events.slice(0, 2)); // ana joins and asks q1; Steward stops
        await run(store.prisma, false, events.slice(2)); // a new process: bo's reply answers q1
        const q = await store.prisma.question.findMany();
        expect(q.map((x) => [x.messageId, x.answeredBy, x.answeredAt?.toISOString()])).toEqual([["q1", "bo", "2026-11-02T11:30:00.000Z"]]);
      } finally {
        await store.close();
      }
    });
  });
}
