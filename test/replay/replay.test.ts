// The whole pipeline end to end on a small event log: decisions, cases, strikes, the action
// log and the daily rollups as they land in the store (PGlite, and PostgreSQL in CI).
import { afterAll, describe, expect, it } from "vitest";
import { PassThrough } from "node:stream";
import path from "node:path";
import { runReplay } from "../../src/platforms/replay/run.js";
import { GuidelineLibrary } from "../../src/guidelines/library.js";
import { SettingsProvider, loadAllSettings } from "../../src/config/settings.js";
import { PrismaPersistence } from "../../src/store/pipeline-writer.js";
import { silentLogger } from "../../src/log.js";
import type { DecisionRecord } from "../../src/core/pipeline.js";
import { backends } from "../store/backends.js";

const fixtures = path.resolve("test/fixtures");

function sink() {
  const s = new PassThrough();
  const chunks: string[] = [];
  s.on("data", (c) => chunks.push(String(c)));
  return { s, text: () => chunks.join("") };
}

for (const backend of backends()) {
  describe(`replay end to end (${backend.name})`, () => {
    afterAll(() => backend.cleanup());

    it("runs the pipeline, prints decisions, skips bad lines and stores cases, strikes and rollups", async () => {
      const store = await backend.open();
      try {
        const library = await GuidelineLibrary.load(path.join(fixtures, "rules"));
        const settings = new SettingsProvider(await loadAllSettings(path.join(fixtures, "communities")));
        const out = sink();
        const err = sink();
        const decisions: DecisionRecord[] = [];
        const summary = await runReplay({
          file: path.join(fixtures, "small.jsonl"), library, settings, persistence: new PrismaPersistence(store.prisma),
          logger: silentLogger, json: true, out: out.s, err: err.s, onDecision: (d) => decisions.push(d),
        });

        expect(summary.events).toBe(12);
        expect(summary.skipped.map((s) => s.line)).toEqual([6, 12]);
        expect(err.text()).toMatch(/small\.jsonl:6: skipped: not valid JSON/);
        expect(err.text()).toMatch(/small\.jsonl:12: skipped: message\.id/);

        const json = out.text().trim().split("\n").map((l) => JSON.parse(l));
        expect(json.map((d) => [d.line, `${d.guideline}/${d.rule}`, d.case, d.actions])).toEqual([
          [7, "respect/insult", 1, ["delete", "warn"]],
          // 3 strikes cross the ladder's first step (1h), the rule's own 1-day timeout is longer.
          [8, "no-link-spam/scam", 2, ["delete", "timeout 1d", "alert"]],
          // 20 s later: the same act, joins case #2 and only deletes.
          [9, "no-link-spam/scam", 2, ["delete"]],
          // A moderator is never actioned; moderators are alerted.
          [10, "no-link-spam/scam", 3, ["alert"]],
          [11, "no-link-spam/newcomer-link", 4, ["hold"]],
          // u2's second insult: 2 + 2 strikes cross 3 → the ladder adds a 1h timeout.
          [13, "respect/insult", 5, ["delete", "timeout 1h", "warn"]],
        ]);
        expect(json[0]).toMatchObject({ community: "acme", member: "u2", message: "m3", matched: ["idiot"] });
        expect(decisions[3]).toMatchObject({ status: "not_actioned", notActionedReason: expect.stringMatching(/moderator/) });

        const community = await store.prisma.community.findUniqueOrThrow({ where: { key: "acme" } });
        const cases = await store.prisma.case.findMany({ where: { communityId: community.id }, orderBy: { number: "asc" }, include: { member: true } });
        expect(cases.map((c) => [c.number, c.rule, c.status, c.member?.platformId])).toEqual([
          [1, "insult", "resolved", "u2"],
          [2, "scam", "resolved", "u3"],
          [3, "scam", "not_actioned", "mod"],
          [4, "newcomer-link", "open", "u1"],
          [5, "insult", "resolved", "u2"],
        ]);
        expect((cases[1]!.evidence as { repeats?: unknown[] }).repeats).toHaveLength(1);
        expect((cases[1]!.actions as unknown[]).length).toBe(4);

        const strikes = await store.prisma.strike.findMany({ include: { member: true, case: true }, orderBy: { at: "asc" } });
        expect(strikes.map((s) => [s.member.platformId, s.points, s.case?.number])).toEqual([["u2", 2, 1], ["u3", 3, 2], ["u2", 2, 5]]);
        expect(await store.prisma.actionLog.count({ where: { communityId: community.id } })).toBe(11);
        expect(await store.prisma.reviewItem.count({ where: { communityId: community.id, status: "pending" } })).toBe(1);

        const members = await store.prisma.member.findMany({ where: { communityId: community.id }, orderBy: { platformId: "asc" } });
        const u1 = members.find((m) => m.platformId === "u1")!;
        expect(u1).toMatchObject({ name: "Rina", messageCount: 2 });
        expect(u1.leftAt?.toISOString()).toBe("2026-10-20T10:00:00.000Z");

        // Days are counted in the community's time zone (Asia/Dhaka, UTC+6): 19:00Z is the next day.
        const days = await store.prisma.dailyActivity.findMany({ where: { communityId: community.id }, orderBy: { day: "asc" } });
        expect(days.map((d) => [d.day.toISOString().slice(0, 10), d.joins, d.leaves, d.messages, d.reactions, d.activeMembers])).toEqual([
          ["2026-10-01", 2, 0, 7, 1, 4],
          ["2026-10-02", 0, 0, 1, 0, 1],
          ["2026-10-20", 0, 1, 0, 0, 0],
        ]);
        const channels = await store.prisma.channelDailyActivity.findMany({ where: { communityId: community.id }, orderBy: [{ day: "asc" }, { channel: "asc" }] });
        expect(channels.map((c) => [c.day.toISOString().slice(0, 10), c.channel, c.messages])).toEqual([["2026-10-01", "general", 7], ["2026-10-02", "orders", 1]]);
      } finally {
        await store.close();
      }
    });

    it("continues case numbers and strikes when the same community is replayed again", async () => {
      const store = await backend.open();
      try {
        const library = await GuidelineLibrary.load(path.join(fixtures, "rules"));
        const settings = new SettingsProvider(await loadAllSettings(path.join(fixtures, "communities")));
        const run = async () => {
          const got: DecisionRecord[] = [];
          await runReplay({ file: path.join(fixtures, "small.jsonl"), library, settings, persistence: new PrismaPersistence(store.prisma), logger: silentLogger, out: new PassThrough(), err: new PassThrough(), quiet: true, onDecision: (d) => got.push(d) });
          return got;
        };
        await run();
        const second = await run();
        expect(second[0]!.case).toBe(6);
        // u2 starts the second run with 4 active strikes: the first insult now reaches 6 → kick.
        expect(second[0]!.actions).toEqual(["delete", "kick", "warn"]);
      } finally {
        await store.close();
      }
    });
  });
}
