// Prints how long the store takes for the things Steward does often; the bounds only catch
// something gone badly wrong (this machine: 2 cores, shared with other test files).
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openStore } from "../../src/store/index.js";
import { backends } from "./backends.js";

const figures: string[] = [];
afterAll(() => console.log(`store timings:\n  ${figures.join("\n  ")}`));

async function timed<T>(label: string, fn: () => Promise<T>): Promise<[T, number]> {
  const t = performance.now();
  const r = await fn();
  const ms = performance.now() - t;
  figures.push(`${label}: ${ms.toFixed(0)} ms`);
  return [r, ms];
}

describe("store timings", () => {
  it("opens and migrates a PGlite data folder (first time, then again)", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "steward-timing-"));
    try {
      const [first, firstMs] = await timed("PGlite open+migrate, new folder", () => openStore({ dataDir: dir }));
      figures.push(`RSS with PGlite open: ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MB`);
      await first.close();
      const [second, secondMs] = await timed("PGlite open (migrations already applied)", () => openStore({ dataDir: dir }));
      expect(second.migrations.applied).toEqual([]);
      await second.close();
      expect(firstMs).toBeLessThan(60_000);
      expect(secondMs).toBeLessThan(30_000);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  for (const backend of backends()) {
    it(`upserts 1,000 members in one transaction on ${backend.name}`, async () => {
      const store = await backend.open();
      try {
        const c = await store.prisma.community.create({ data: { key: "timing", platform: "replay" } });
        const upsertAll = () =>
          store.prisma.$transaction(
            async (tx) => {
              for (let i = 0; i < 1000; i++) {
                await tx.member.upsert({
                  where: { communityId_platformId: { communityId: c.id, platformId: `u${i}` } },
                  create: { communityId: c.id, platformId: `u${i}`, name: `user ${i}`, roles: ["member"], joinedAt: new Date() },
                  update: { messageCount: { increment: 1 }, lastActiveAt: new Date() },
                });
              }
            },
            { timeout: 120_000 },
          );
        const [, insertMs] = await timed(`${backend.name}: 1k member upserts (inserts) in one transaction`, upsertAll);
        const [, updateMs] = await timed(`${backend.name}: 1k member upserts (updates) in one transaction`, upsertAll);
        expect(await store.prisma.member.count({ where: { communityId: c.id, messageCount: 1 } })).toBe(1000);
        expect(insertMs + updateMs).toBeLessThan(120_000);
      } finally {
        await store.close();
        await backend.cleanup();
      }
    });
  }
});
