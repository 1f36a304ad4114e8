// The outbox on the real database (PGlite, and PostgreSQL when TEST_DATABASE_URL is set): one
// entry per key however many instances store it at once, the earlier entry returned on a repeat,
// settled outcomes kept, pending ones listed oldest first for the next start.
import { afterAll, describe, expect, it } from "vitest";
import { backends } from "./backends.js";
import { PrismaOutbox } from "../../src/store/outbox.js";
import type { Action } from "../../src/core/actions.js";

const kick = (member: string): Action => ({ kind: "kick", community: "acme", member, reason: "r", caseNumber: 3 });

for (const backend of backends()) {
  describe(`outbox on ${backend.name}`, () => {
    afterAll(() => backend.cleanup());

    it("stores a key once, answers repeats with the stored entry, settles, and lists what is pending", async () => {
      const store = await backend.open();
      try {
        const { id } = await store.prisma.community.create({ data: { key: "acme", platform: "replay" } });
        const community = String(id);
        const box = new PrismaOutbox(store.prisma);
        const at = Date.parse("2026-11-23T09:00:00Z");
        // Four instances storing the same key at once: one row, every one of them sees it pending.
        const puts = await Promise.all([1, 2, 3, 4].map(() => box.put({ community, key: "k-1", caseNumber: 3, action: kick("u1"), at })));
        expect(puts.map((p) => p.status)).toEqual(["pending", "pending", "pending", "pending"]);
        expect(await store.prisma.outboxAction.count()).toBe(1);
        await box.put({ community, key: "k-2", caseNumber: 3, action: kick("u2"), at: at + 1 });
        await box.put({ community, key: "k-3", caseNumber: null, action: kick("u3"), at: at + 2 });
        await box.settle(community, "k-1", 2, { status: "done", detail: "already gone" });
        await box.settle(community, "k-3", 6, { status: "failed", detail: "503", retryable: true });
        const again = await box.put({ community, key: "k-1", caseNumber: 3, action: kick("u1"), at });
        expect(again).toMatchObject({ status: "done", attempts: 2, outcome: { status: "done", detail: "already gone" }, action: kick("u1"), at, caseNumber: 3 });
        expect((await box.pending(10)).map((e) => [e.key, e.action.kind, (e.action as { member: string }).member])).toEqual([["k-2", "kick", "u2"]]);
        expect(await box.depth()).toBe(1);
        // Another community may use the same key.
        const other = await store.prisma.community.create({ data: { key: "other", platform: "replay" } });
        expect((await box.put({ community: String(other.id), key: "k-1", caseNumber: 1, action: kick("u1"), at })).status).toBe("pending");
      } finally {
        await store.close();
      }
    });
  });
}
