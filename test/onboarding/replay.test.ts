// Onboarding end to end through replay: screening approve / decline / review, customer
// verification hit and miss, the raid guard on and off, and a nudge sent once — as actions
// the platform is asked to perform and as applicant records in the store (PGlite, and
// PostgreSQL in CI).
import { afterAll, describe, expect, it } from "vitest";
import { PassThrough } from "node:stream";
import path from "node:path";
import { runReplay } from "../../src/platforms/replay/run.js";
import { GuidelineLibrary } from "../../src/guidelines/library.js";
import { SettingsProvider, loadAllSettings } from "../../src/config/settings.js";
import { PrismaPersistence } from "../../src/store/pipeline-writer.js";
import { PrismaCustomers, importCustomers } from "../../src/store/customers.js";
import { silentLogger } from "../../src/log.js";
import { backends } from "../store/backends.js";

const dir = path.resolve("test/fixtures/onboarding");

for (const backend of backends()) {
  describe(`onboarding through replay (${backend.name})`, () => {
    afterAll(() => backend.cleanup());

    it("screens, welcomes, guards against a raid and nudges once", async () => {
      const store = await backend.open();
      try {
        const counts = await importCustomers(store.prisma, "crafts", "replay", [
          { name: "Rina", email: "Rina@Example.com", order: "A-1042" },
          { name: "Sam", order: "#A-2000" },
        ]);
        expect(counts).toEqual({ added: 3, updated: 0 });
        expect(await importCustomers(store.prisma, "crafts", "replay", [{ name: "Rina K.", order: "a1042" }])).toEqual({ added: 0, updated: 1 });

        const library = await GuidelineLibrary.load(path.resolve("rules"));
        const settings = new SettingsProvider(await loadAllSettings(path.join(dir, "communities")));
        const out = new PassThrough().resume();
        const summary = await runReplay({
          file: path.join(dir, "events.jsonl"), library, settings, persistence: new PrismaPersistence(store.prisma),
          customers: new PrismaCustomers(store.prisma), logger: silentLogger, out, err: out, quiet: true,
        });
        expect(summary.skipped).toEqual([]);
        const performed = summary.adapter.performed.map((a) => {
          const who = "member" in a ? a.member : "channel" in a ? `#${a.channel}` : "";
          return `${a.kind} ${who}`.trim();
        });
        expect(performed).toEqual([
          "approveMember ana", "addRole ana", "postMessage #general", // verified order, valid answers
          "directMessage cy", "declineMember cy", // too short, rules not agreed
          "approveMember fay", "addRole fay", "postMessage #general",
          "alertModerators", // the raid trips on the 4th join within a minute
          "alertModerators", // and lifts after 10 calm minutes
          "directMessage fay", // fay never posted: nudged once, 3 days after joining
        ]);
        const actions = summary.adapter.performed;
        expect(actions[2]).toMatchObject({ text: "Welcome Ana to Crafts Corner! Our guidelines: No link spam, No self-promotion or ads, Respect everyone." });
        expect(actions[3]).toMatchObject({ text: expect.stringContaining('"What would you like to do here?" needs at least 8 characters (got 2); "I agree to the rules" was not agreed to') });
        expect(actions[8]).toMatchObject({ text: expect.stringMatching(/^Raid guard: 4 members joined within 1 min \(<@r0>, <@r1>, <@r2>, <@r3>\)/) });
        expect(actions[9]).toMatchObject({ text: expect.stringMatching(/^Raid mode ended after a calm period\. 5 members joined during it \(<@r0>, <@r1>, <@r2>, <@r3>, <@r4>\); they wait in the review queue\./) });
        expect(actions[10]).toMatchObject({ text: "Hi Fay, it's been 3 days — say hello in #general!" });

        const community = await store.prisma.community.findUniqueOrThrow({ where: { key: "crafts" } });
        const items = await store.prisma.reviewItem.findMany({ where: { communityId: community.id, kind: "pending_member" }, orderBy: { id: "asc" } });
        const rows = items.map((i) => {
          const p = i.payload as { member: string; screening: string; score: number | null; reasons: string[] };
          return [p.member, i.status, p.screening, p.score, i.decidedBy];
        });
        expect(rows).toEqual([
          ["ana", "approved", "approve", 2, "steward"],
          ["bo", "pending", "review", 0, null], // order number not in the list: no points for it
          ["cy", "rejected", "decline", 2, "steward"],
          ["dee", "pending", "review", 2, null], // verified by email, but a red flag
          ["fay", "approved", "approve", 2, "steward"],
          ["r0", "pending", "raid", null, null], // the whole burst that tripped the guard
          ["r1", "pending", "raid", null, null],
          ["r2", "pending", "raid", null, null],
          ["r3", "pending", "raid", null, null],
          ["r4", "pending", "raid", null, null],
          ["r4", "pending", "review", 2, null],
        ]);
        const bo = items[1]!.payload as { reasons: string[]; answers: Record<string, string> };
        expect(bo.reasons).toEqual(['order number "B-9999" is not in the customer list']);
        expect(bo.answers).toEqual({ order: "B-9999", why: "learn knitting", rules: "yes" });
        expect((items[3]!.payload as { reasons: string[] }).reasons).toEqual(['email "rina@example.com" belongs to a customer', '"What would you like to do here?" mentions "forex" (a red flag)']);
        expect((items[10]!.payload as { reasons: string[] }).reasons).toContain("answered during a raid");
        const fay = await store.prisma.member.findFirstOrThrow({ where: { communityId: community.id, platformId: "fay" } });
        expect(fay.nudgedAt?.toISOString()).toBe("2026-11-05T10:30:00.000Z");
      } finally {
        await store.close();
      }
    });
  });
}
