// CRUD of every model, constraints and transactions, on each backend.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isUniqueViolation, Prisma, type Store } from "../../src/store/index.js";
import { backends } from "./backends.js";

for (const backend of backends()) {
  describe(`store models on ${backend.name}`, () => {
    let store: Store;
    let n = 0;
    const community = async () => store.prisma.community.create({ data: { key: `c${++n}`, platform: "discord", settings: { welcome: true } } });

    beforeAll(async () => {
      store = await backend.open();
    });
    afterAll(async () => {
      await store?.close();
      await backend.cleanup();
    });

    it("stores communities with JSON settings and defaults", async () => {
      const c = await community();
      expect(c.timezone).toBe("UTC");
      expect(c.settings).toEqual({ welcome: true });
      const updated = await store.prisma.community.update({ where: { key: c.key }, data: { timezone: "Europe/Paris", settings: { welcome: false, list: [1, 2] } } });
      expect(updated.settings).toEqual({ welcome: false, list: [1, 2] });
      await expect(store.prisma.community.create({ data: { key: c.key, platform: "slack" } })).rejects.toSatisfy(isUniqueViolation);
      await store.prisma.community.delete({ where: { id: c.id } });
      expect(await store.prisma.community.findUnique({ where: { key: c.key } })).toBeNull();
    });

    it("upserts members by (community, platform id), with roles and exact times", async () => {
      const c = await community();
      const joinedAt = new Date("2026-03-01T23:30:00.125Z");
      const key = { communityId_platformId: { communityId: c.id, platformId: "u1" } };
      const m = await store.prisma.member.upsert({ where: key, create: { communityId: c.id, platformId: "u1", name: "Ada", roles: ["mod", "vip"], joinedAt }, update: {} });
      expect(m).toMatchObject({ name: "Ada", roles: ["mod", "vip"], messageCount: 0, leftAt: null });
      expect(m.joinedAt?.toISOString()).toBe(joinedAt.toISOString());
      const again = await store.prisma.member.upsert({ where: key, create: { communityId: c.id, platformId: "u1" }, update: { messageCount: { increment: 2 }, roles: { push: "helper" } } });
      expect(again.id).toBe(m.id);
      expect(again.messageCount).toBe(2);
      expect(again.roles).toEqual(["mod", "vip", "helper"]);
      expect(await store.prisma.member.count({ where: { communityId: c.id, roles: { has: "vip" } } })).toBe(1);
    });

    it("numbers cases per community and rejects a duplicate number with P2002", async () => {
      const [a, b] = [await community(), await community()];
      const member = await store.prisma.member.create({ data: { communityId: a.id, platformId: "spammer" } });
      const evidence = { text: "buy cheap watches", spans: [{ start: 4, end: 9, rule: "spam.words" }] };
      const c1 = await store.prisma.case.create({
        data: { communityId: a.id, number: 1, kind: "automatic", guideline: "no-spam", rule: "spam.words", memberId: member.id, channel: "general", messageId: "m1", reason: "spam", evidence, actions: [{ kind: "deleteMessage" }] },
      });
      expect(c1).toMatchObject({ status: "open", evidence, actions: [{ kind: "deleteMessage" }], explanation: null, actor: null });
      // Same number in another community is fine.
      await store.prisma.case.create({ data: { communityId: b.id, number: 1, kind: "manual", actor: "mod1", reason: "rude" } });
      const dup = store.prisma.case.create({ data: { communityId: a.id, number: 1, kind: "manual" } });
      await expect(dup).rejects.toBeInstanceOf(Prisma.PrismaClientKnownRequestError);
      await expect(store.prisma.case.create({ data: { communityId: a.id, number: 1, kind: "manual" } })).rejects.toMatchObject({ code: "P2002" });

      const resolved = await store.prisma.case.update({ where: { communityId_number: { communityId: a.id, number: 1 } }, data: { status: "not_actioned", explanation: "false positive" } });
      expect(resolved.status).toBe("not_actioned");
      expect(resolved.updatedAt.getTime()).toBeGreaterThanOrEqual(resolved.createdAt.getTime());
      const last = await store.prisma.case.aggregate({ where: { communityId: a.id }, _max: { number: true } });
      expect(last._max.number).toBe(1);
    });

    it("keeps strikes, action logs and review items with their relations", async () => {
      const c = await community();
      const m = await store.prisma.member.create({ data: { communityId: c.id, platformId: "u9" } });
      const k = await store.prisma.case.create({ data: { communityId: c.id, number: 1, kind: "automatic", memberId: m.id } });
      const expiresAt = new Date("2026-06-01T00:00:00Z");
      await store.prisma.strike.createMany({ data: [{ memberId: m.id, caseId: k.id, points: 2, expiresAt }, { memberId: m.id, points: 1 }] });
      const active = await store.prisma.strike.aggregate({ where: { memberId: m.id, cleared: false }, _sum: { points: true } });
      expect(active._sum.points).toBe(3);
      await store.prisma.strike.updateMany({ where: { memberId: m.id, caseId: null }, data: { cleared: true } });
      expect(await store.prisma.strike.count({ where: { memberId: m.id, cleared: false } })).toBe(1);

      await store.prisma.actionLog.create({ data: { communityId: c.id, caseId: k.id, kind: "timeout", payload: { durationMs: 60000 }, status: "done" } });
      await store.prisma.actionLog.create({ data: { communityId: c.id, kind: "ban", payload: {}, status: "unsupported", detail: "no permission" } });
      const withLogs = await store.prisma.case.findUniqueOrThrow({ where: { id: k.id }, include: { actionLogs: true, strikes: true, member: true } });
      expect(withLogs.actionLogs.map((l) => l.status)).toEqual(["done"]);
      expect(withLogs.strikes).toHaveLength(1);
      expect(withLogs.member?.platformId).toBe("u9");
      const byStatus = await store.prisma.actionLog.groupBy({ by: ["status"], where: { communityId: c.id }, _count: true, orderBy: { status: "asc" } });
      expect(byStatus.map((g) => [g.status, g._count])).toEqual([["done", 1], ["unsupported", 1]]);

      const item = await store.prisma.reviewItem.create({ data: { communityId: c.id, kind: "held_message", payload: { channel: "general", message: "m7", text: "hi" } } });
      expect(item.status).toBe("pending");
      const decided = await store.prisma.reviewItem.update({ where: { id: item.id }, data: { status: "approved", decidedAt: new Date(), decidedBy: "mod1" } });
      expect(decided.decidedBy).toBe("mod1");
      expect(await store.prisma.reviewItem.count({ where: { communityId: c.id, status: "pending" } })).toBe(0);

      // Deleting the member keeps the case (member set null) and removes the strikes.
      await store.prisma.member.delete({ where: { id: m.id } });
      expect((await store.prisma.case.findUniqueOrThrow({ where: { id: k.id } })).memberId).toBeNull();
      expect(await store.prisma.strike.count({ where: { memberId: m.id } })).toBe(0);
    });

    it("rolls up daily activity per community, member and channel (unique per day)", async () => {
      const c = await community();
      const m = await store.prisma.member.create({ data: { communityId: c.id, platformId: "u1" } });
      const day = new Date("2026-05-04T00:00:00Z");
      const bump = () =>
        store.prisma.dailyActivity.upsert({
          where: { communityId_day: { communityId: c.id, day } },
          create: { communityId: c.id, day, messages: 1, joins: 1 },
          update: { messages: { increment: 1 } },
        });
      await bump();
      const row = await bump();
      expect(row).toMatchObject({ messages: 2, joins: 1, leaves: 0, questions: 0, answered: 0, activeMembers: 0, reactions: 0 });
      expect(row.day.toISOString()).toBe("2026-05-04T00:00:00.000Z");
      await expect(store.prisma.dailyActivity.create({ data: { communityId: c.id, day } })).rejects.toSatisfy(isUniqueViolation);

      await store.prisma.memberDailyActivity.create({ data: { communityId: c.id, day, memberId: m.id, messages: 3, reactions: 1 } });
      await expect(store.prisma.memberDailyActivity.create({ data: { communityId: c.id, day, memberId: m.id } })).rejects.toSatisfy(isUniqueViolation);
      await store.prisma.channelDailyActivity.createMany({ data: [{ communityId: c.id, day, channel: "general", messages: 5 }, { communityId: c.id, day, channel: "help", messages: 2 }] });
      await expect(store.prisma.channelDailyActivity.create({ data: { communityId: c.id, day, channel: "help" } })).rejects.toSatisfy(isUniqueViolation);
      const top = await store.prisma.channelDailyActivity.findMany({ where: { communityId: c.id }, orderBy: { messages: "desc" } });
      expect(top.map((t) => t.channel)).toEqual(["general", "help"]);
      expect((await store.prisma.memberDailyActivity.findFirstOrThrow({ where: { memberId: m.id } })).messages).toBe(3);
    });

    it("converts timestamptz with AT TIME ZONE in raw SQL (local days for rollups)", async () => {
      const c = await community();
      // 23:30 UTC on May 4th is already May 5th in Paris.
      await store.prisma.member.create({ data: { communityId: c.id, platformId: "late", lastActiveAt: new Date("2026-05-04T23:30:00Z") } });
      const rows = await store.prisma.$queryRaw<{ day: string }[]>`
        SELECT to_char(date_trunc('day', last_active_at AT TIME ZONE 'Europe/Paris'), 'YYYY-MM-DD') AS day
        FROM members WHERE community_id = ${c.id}`;
      expect(rows).toEqual([{ day: "2026-05-05" }]);
    });

    it("commits a batched interactive transaction, and rolls all of it back on error", async () => {
      const c = await community();
      await store.prisma.$transaction(async (tx) => {
        for (let i = 0; i < 50; i++) {
          await tx.member.upsert({
            where: { communityId_platformId: { communityId: c.id, platformId: `m${i}` } },
            create: { communityId: c.id, platformId: `m${i}` },
            update: { messageCount: { increment: 1 } },
          });
        }
      });
      expect(await store.prisma.member.count({ where: { communityId: c.id } })).toBe(50);

      const failing = store.prisma.$transaction(async (tx) => {
        await tx.member.create({ data: { communityId: c.id, platformId: "new-one" } });
        await tx.case.create({ data: { communityId: c.id, number: 7, kind: "manual" } });
        await tx.case.create({ data: { communityId: c.id, number: 7, kind: "manual" } }); // duplicate
      });
      await expect(failing).rejects.toSatisfy(isUniqueViolation);
      expect(await store.prisma.member.count({ where: { communityId: c.id, platformId: "new-one" } })).toBe(0);
      expect(await store.prisma.case.count({ where: { communityId: c.id } })).toBe(0);

      // The array form is one transaction too.
      const [, count] = await store.prisma.$transaction([
        store.prisma.member.updateMany({ where: { communityId: c.id }, data: { messageCount: 5 } }),
        store.prisma.member.count({ where: { communityId: c.id, messageCount: 5 } }),
      ]);
      expect(count).toBe(50);
    });
  });
}
