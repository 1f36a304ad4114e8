// Moderator commands on the real store (PGlite, and PostgreSQL when TEST_DATABASE_URL is set):
// manual cases written behind are visible to the next command, notes, strikes, the review queue.
import { afterAll, describe, expect, it } from "vitest";
import { PrismaPersistence } from "../../src/store/pipeline-writer.js";
import { ALICE, BOB, Harness, MOD } from "../commands/harness.js";
import { backends } from "./backends.js";

for (const backend of backends()) {
  describe(`moderator commands on ${backend.name}`, () => {
    afterAll(() => backend.cleanup());

    it("cases, notes, strikes and review decisions round-trip through the store", async () => {
      const store = await backend.open();
      try {
        const h = await new Harness(new PrismaPersistence(store.prisma)).start();
        await h.post(ALICE, "you idiot", "m1"); // automatic case #1, 2 strikes
        const ban = await h.command(MOD, "ban", { member: "stranger", reason: "raid" }); // never seen: the member row is created
        expect(ban.title).toBe("Case #2 · ban");
        expect((await h.command(MOD, "history", { member: "stranger" })).text).toMatch(/#2 · .* · manual ban by <@mod-1> · actioned · raid/);

        await h.command(MOD, "warn", { member: ALICE, reason: "again" }); // #3, 1 strike
        await h.command(MOD, "case reason", { number: 3, reason: "rude again" });
        await h.command(MOD, "case note", { number: 3, text: "second time" });
        const shown = await h.command(MOD, "case show", { number: 3 });
        expect(shown.text).toContain("Reason: rude again");
        expect(shown.text).toMatch(/<@mod-1>: reason changed from "again"\n.*<@mod-1>: second time/);
        expect(shown.text).toContain("Strikes: 1");

        const hist = await h.command(MOD, "history", { member: ALICE });
        expect(hist.lines.slice(1)).toEqual([expect.stringMatching(/^#3 .* manual warn/), expect.stringMatching(/^#1 .* respect\/insult/)]);
        expect(hist.text).toContain("Strikes: 3 active");
        expect((await h.command(MOD, "strikes clear", { member: ALICE })).text).toContain("Cleared 3 strike points");
        expect((await h.command(MOD, "strikes show", { member: ALICE })).text).toContain("Total: 0 active");

        await h.send({ type: "member.joined", member: { id: "newbie", roles: [] } });
        await h.send({ type: "message.created", channel: "general", message: { id: "m5", author: "newbie", text: "check this out" } });
        const held = h.decisions.at(-1)!;
        const list = await h.command(MOD, "review list");
        expect(list.fields).toHaveLength(1);
        expect(list.fields[0]!.name).toMatch(new RegExp(`^Item \\d+ · held message · case #${held.case}$`));
        const rejected = await h.press(MOD, list.buttons[0]![1]!.id);
        expect(rejected.text).toContain(`Rejected: the message was deleted (case #${held.case})`);
        expect((await h.command(MOD, "case show", { number: held.case })).text).toContain("Status: actioned");
        expect((await h.press(BOB, list.buttons[0]![0]!.id)).tone).toBe("refused");
        expect((await h.press(MOD, list.buttons[0]![0]!.id)).text).toContain("Already decided (rejected by <@mod-1>)");
        await h.pipeline.flush();
      } finally {
        await store.close();
      }
    }, 60_000);
  });
}
