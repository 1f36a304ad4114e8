// Testimonials on the real store (PGlite, and PostgreSQL when TEST_DATABASE_URL is set): praise
// suggested through the pipeline's write batch, and a suggestion never replacing a testimonial
// that is already further along.
import { afterAll, describe, expect, it } from "vitest";
import { PrismaPersistence } from "../../src/store/pipeline-writer.js";
import { ALICE, BOB, Harness, MOD } from "../commands/harness.js";
import { backends } from "./backends.js";

for (const backend of backends()) {
  describe(`testimonials on ${backend.name}`, () => {
    afterAll(() => backend.cleanup());

    it("praising messages are stored as suggestions; a capture moves one on and a repeat does not reset it", async () => {
      const store = await backend.open();
      try {
        const h = await new Harness(new PrismaPersistence(store.prisma)).start();
        await h.post(ALICE, "The jute bag is beautiful, the stitching is perfect", "m1");
        await h.post(BOB, "darun quality, abar order korbo", "m2");
        await h.post(BOB, "when will my order arrive?", "m3");
        await h.pipeline.flush();
        const rows = await store.prisma.testimonial.findMany({ orderBy: { messageId: "asc" } });
        expect(rows.map((r) => [r.messageId, r.authorId, r.state])).toEqual([["m1", ALICE, "suggested"], ["m2", BOB, "suggested"]]);
        expect(rows[0]!.signals).toEqual(expect.arrayContaining(["praise:beautiful", "praise:perfect", "product:bag", "product:stitching"]));
        expect(rows[1]!.text).toBe("darun quality, abar order korbo");

        await h.send({ type: "reaction.added", channel: "general", message: "m1", member: MOD, emoji: "⭐" });
        // The same message seen again (a replay, a reconnect) is suggested again: the capture stands.
        await h.post(ALICE, "The jute bag is beautiful, the stitching is perfect", "m1");
        await h.pipeline.flush();
        const m1 = await store.prisma.testimonial.findFirstOrThrow({ where: { messageId: "m1" } });
        expect([m1.state, m1.capturedBy]).toEqual(["pending_consent", MOD]);
        expect(await store.prisma.testimonial.count()).toBe(2);
      } finally {
        await store.close();
      }
    }, 60_000);
  });
}
