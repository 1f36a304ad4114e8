// Scheduled-job claims on the real store (PGlite, and PostgreSQL when TEST_DATABASE_URL is set):
// of several instances firing the same digest, one runs it.
import { afterAll, describe, expect, it } from "vitest";
import { claimRun, finishRun, STALE_MS } from "../../src/store/scheduled-runs.js";
import { backends } from "./backends.js";

for (const backend of backends()) {
  describe(`scheduled-run claims on ${backend.name}`, () => {
    afterAll(() => backend.cleanup());

    it("one claim per job, community and period; a finished run is never taken over; an abandoned one is", async () => {
      const store = await backend.open();
      try {
        const { id } = await store.prisma.community.create({ data: { key: "acme", platform: "replay" } });
        const week = { job: "digest", communityId: id, period: "2026-W47" };
        const t0 = new Date("2026-11-23T09:00:00Z");
        const wins = await Promise.all(["a", "b", "c", "d"].map((i) => claimRun(store.prisma, week, i, t0)));
        expect(wins.filter(Boolean)).toHaveLength(1);
        // Another week, another community's run: separate claims.
        expect(await claimRun(store.prisma, { ...week, period: "2026-W48" }, "b", t0)).toBe(true);
        expect(await claimRun(store.prisma, { ...week, job: "report", period: "2026-10" }, "b", t0)).toBe(true);

        // The winner died without finishing: after STALE_MS another instance takes over, once.
        const later = new Date(t0.getTime() + STALE_MS + 1000);
        expect(await claimRun(store.prisma, week, "b", new Date(t0.getTime() + 60_000))).toBe(false);
        const takeovers = await Promise.all(["b", "c"].map((i) => claimRun(store.prisma, week, i, later)));
        expect(takeovers.filter(Boolean)).toHaveLength(1);
        await finishRun(store.prisma, week, null, later);
        expect(await claimRun(store.prisma, week, "d", new Date(later.getTime() + 10 * STALE_MS))).toBe(false);
        const row = await store.prisma.scheduledRun.findFirstOrThrow({ where: { period: "2026-W47" } });
        expect([row.claimedBy === "b" || row.claimedBy === "c", row.doneAt?.toISOString()]).toEqual([true, later.toISOString()]);
      } finally {
        await store.close();
      }
    }, 60_000);
  });
}
