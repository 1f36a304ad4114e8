// The weekly digest of a crafted fortnight (fixtures/digest-weeks.jsonl, Asia/Dhaka = UTC+6),
// replayed through the real pipeline into the real store; expected lines worked out by hand.
// Then the scheduled post: several instances fire, one posts, with the chart attached.
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openStore, type Store } from "../../src/store/index.js";
import { buildDigest } from "../../src/insights/digest/index.js";
import { InsightsScheduler } from "../../src/insights/scheduler.js";
import { SettingsProvider, loadAllSettings } from "../../src/config/settings.js";
import type { Action, ActionOutcome } from "../../src/core/actions.js";
import { silentLogger } from "../../src/log.js";
import { backends } from "../store/backends.js";
import { replayInto } from "./replay.js";

// Monday 23 November 2026, 09:00 in Dhaka: when the scheduled digest of week 47 goes out.
const MONDAY_9AM = Date.parse("2026-11-23T03:00:00Z");

for (const backend of backends()) {
  describe(`weekly digest (${backend.name})`, () => {
    let store: Store;
    let settings: SettingsProvider;
    beforeAll(async () => {
      store = await openStore(backend.freshOptions());
      await replayInto(store, "digest-weeks.jsonl");
      settings = new SettingsProvider(await loadAllSettings(path.resolve("test/insights/fixtures/communities")));
    }, 60_000);
    afterAll(async () => {
      await store?.close();
      await backend.cleanup();
    });

    it("compares the week with the one before and lists what needs a manager's attention", async () => {
      const d = await buildDigest(store.prisma, { community: "acme", week: "2026-W47", settings: settings.get("acme"), now: MONDAY_9AM });
      const lines = d.text.split("\n");
      expect(lines[0]).toBe("**Weekly digest · Acme Crafts · 2026-W47** (16–22 Nov)");
      // Week 46: mona, ann, ben joined → 3 members; ann and ben posted (2 active, 2 messages).
      // Week 47: cat and dan joined, dan left → 4 members (+1), (4 − 3) / 3 = 33%.
      expect(d.text).toContain("**Members** 4 (+1 this week: 2 joined, 1 left) (▲ 33% vs last week: 3)");
      // Active: ann, cat, ben = 3 against 2 → +50%. Messages m3–m8 = 6 against 2 → +200%.
      expect(d.text).toContain("**Active members** 3 (▲ 50% vs last week: 2)");
      expect(d.text).toContain("**Messages** 6 (▲ 200% vs last week: 2)");
      // m5 (general) answered by ann's m6 12 minutes later; m3 in #orders never answered.
      expect(d.text).toContain("**First response** 12 min median (last week n/a); 2 questions, 1 unanswered");
      // m7 "you are an idiot": respect/insult, delete + warn.
      expect(d.text).toContain("**Moderation** 1 case (1 automatic, 0 by moderators)");
      expect(d.text).toContain("by guideline: respect 1");
      expect(d.text).toMatch(/actions: .*deleteMessage 1/);
      expect(d.text).toContain("**Review queue** empty.");
      // Cat's praise (12:00 local) is a candidate; Ann's question (11:00 local) has waited more than 24 h.
      expect(d.text).toContain('**Testimonial candidates** 1');
      expect(d.text).toContain('• "The jute bag is beautiful, the stitching is perfect" by Cat, Mon 16 Nov 12:00: #general message m4');
      expect(d.text).toContain('**Unanswered questions** 1');
      expect(d.text).toContain('• "when will my order arrive?" by Ann, Mon 16 Nov 11:00: #orders message m3');
      expect(d.text).toContain("**Top contributors** Ann (3 msg) · Ben (2 msg) · Cat (1 msg)");
      // The chart starts on the first day with activity (9 Nov, the joins) and ends on the week's Sunday.
      expect(d.data.series.map((x) => x.day)).toEqual(Array.from({ length: 14 }, (_, i) => `2026-11-${String(9 + i).padStart(2, "0")}`));
      expect(d.data.series.find((x) => x.day === "2026-11-16")).toEqual({ day: "2026-11-16", activeMembers: 2, messages: 2 });
      expect(d.chart.png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
      expect(d.chart.svg).toContain("Active members");
    });

    it("a question younger than 24 hours is not listed as unanswered yet", async () => {
      // At Mon 16 Nov 20:00Z the 05:00Z question has waited 15 hours.
      const d = await buildDigest(store.prisma, { community: "acme", week: "2026-W47", settings: settings.get("acme"), now: Date.parse("2026-11-16T20:00:00Z") });
      expect(d.text).toContain("**Unanswered questions** none this week.");
    });

    it("several instances fire the Monday digest: one posts it, with the chart, to the managers' channel", async () => {
      const posts: Action[] = [];
      const perform = async (a: Action): Promise<ActionOutcome> => {
        posts.push(a);
        return { status: "done" };
      };
      const instances = ["a", "b", "c"].map((i) => new InsightsScheduler({ prisma: store.prisma, settings, platform: "replay", perform, logger: silentLogger, instance: i }));
      const results = await Promise.all(instances.map((s) => s.run("digest", "acme", MONDAY_9AM)));
      expect(results.map((r) => r.status).sort()).toEqual(["posted", "skipped", "skipped"]);
      expect(results.every((r) => r.period === "2026-W47")).toBe(true);
      expect(posts).toHaveLength(1);
      const post = posts[0]!;
      if (post.kind !== "postMessage") throw new Error(`expected a postMessage, got ${post.kind}`);
      // No channels.digest or modLog in the settings: the mod log's default channel.
      expect(post.channel).toBe("mod-log");
      expect(post.text).toContain("2026-W47");
      expect(post.attachments?.map((f) => [f.name, f.contentType])).toEqual([["acme-2026-W47-activity.png", "image/png"]]);
      expect(Buffer.from(post.attachments![0]!.base64, "base64").subarray(1, 4).toString()).toBe("PNG");
      // Fired again later the same week (a restart): already done.
      expect((await instances[0]!.run("digest", "acme", MONDAY_9AM + 3_600_000)).status).toBe("skipped");
      expect(posts).toHaveLength(1);
    }, 60_000);

    it("a report the platform could not post is recorded as failed, with why", async () => {
      const refuse = async (): Promise<ActionOutcome> => ({ status: "refused", detail: "the server has no text channel named #mod-log" });
      const s = new InsightsScheduler({ prisma: store.prisma, settings, platform: "replay", perform: refuse, logger: silentLogger, instance: "a" });
      // 1 December 09:00 Dhaka: November's report.
      const r = await s.run("report", "acme", Date.parse("2026-12-01T03:00:00Z"));
      expect([r.status, r.period, r.detail]).toEqual(["failed", "2026-11", "refused: the server has no text channel named #mod-log"]);
      const row = await store.prisma.scheduledRun.findFirstOrThrow({ where: { job: "report", period: "2026-11" } });
      expect([row.doneAt, row.error]).toEqual([null, "refused: the server has no text channel named #mod-log"]);
    }, 60_000);
  });
}
