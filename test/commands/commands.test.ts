// The platform-neutral command handlers through the real pipeline, on the replay adapter and the
// in-memory persistence: permissions, manual cases on the shared counter, strikes, reads, the review queue.
import { beforeEach, describe, expect, it } from "vitest";
import { onboardingSchema } from "../../src/onboarding/settings.js";
import { ALICE, BOB, Harness, MOD, MOD2 } from "./harness.js";
import { MemoryPersistence } from "../../src/core/memory-persistence.js";
import { emptyBatch } from "../../src/core/persistence.js";
import { COMMANDS } from "../../src/commands/registry.js";

describe("moderator commands (platform-neutral)", () => {
  let h: Harness;
  beforeEach(async () => {
    h = await new Harness().start();
  });

  it("refuses a non-moderator, without acting", async () => {
    const r = await h.command(ALICE, "ban", { member: BOB, reason: "spam" });
    expect(r.tone).toBe("refused");
    expect(r.text).toContain("/ban is for moderators");
    expect(h.performed("ban")).toEqual([]);
  });

  it("refuses to act on a moderator and on oneself", async () => {
    const other = await h.command(MOD, "ban", { member: MOD2 });
    expect(other.tone).toBe("refused");
    expect(other.text).toContain("is a moderator");
    const self = await h.command(MOD, "kick", { member: MOD });
    expect(self.text).toContain("You cannot kick yourself");
    expect(h.performed("ban")).toEqual([]);
    expect(h.performed("kick")).toEqual([]);
  });

  it("/warn: tells the member, opens a manual case on the shared counter, adds a strike", async () => {
    const auto = await h.post(ALICE, "you idiot", "m1"); // automatic case #1 (2 strikes)
    expect(auto?.case).toBe(1);
    const r = await h.command(MOD, "warn", { member: ALICE, reason: "be kind" });
    expect(r.tone).toBe("done");
    expect(r.title).toBe("Case #2 · warn");
    expect(r.text).toContain("Strikes: +1 (now 3 active)");
    const warned = h.performed("warn").at(-1)!;
    expect(warned).toMatchObject({ member: ALICE, caseNumber: 2 });
    expect(warned.text).toContain("A moderator of Acme Crafts warned you. Reason: be kind (case #2)");
    // the mod log hears of it too
    expect(h.performed("alertModerators").at(-1)!.text).toContain("Case #2 · manual warn");

    const shown = await h.command(MOD, "case show", { number: 2 });
    expect(shown.text).toContain("Origin: manual warn by <@mod-1>");
    expect(shown.text).toContain("Reason: be kind");
    expect(shown.text).toContain("Strikes: 1");
    const hist = await h.command(MOD, "history", { member: ALICE });
    expect(hist.lines.slice(1, 3)).toEqual([expect.stringMatching(/^#2 · .* · manual warn by <@mod-1> · actioned · 1 strike · be kind$/), expect.stringMatching(/^#1 · .* · respect\/insult · actioned · 2 strikes/)]);
    expect(hist.text).toContain("Strikes: 3 active");
  });

  it("/ban with defaults: DM first, then the ban; no strikes", async () => {
    const r = await h.command(MOD, "ban", { member: BOB, reason: "scams" });
    expect(r.tone).toBe("done");
    const kinds = h.adapter.performed.slice(-4).map((a) => a.kind);
    expect(kinds).toEqual(["directMessage", "ban", "alertModerators", "respond"]);
    expect(h.performed("ban")[0]).toMatchObject({ member: BOB, deleteMessageSeconds: 0, caseNumber: 1 });
    expect(r.text).not.toContain("Strikes");
    const shown = await h.command(MOD, "case show", { number: 1 });
    expect(shown.text).toContain("Origin: manual ban by <@mod-1>");
    expect(shown.text).toContain("ban: done");
  });

  it("/ban of someone who is not (or no longer) in the community: banned without a DM", async () => {
    const r = await h.command(MOD, "ban", { member: "raider-42", reason: "raid", delete_messages: "1d" });
    expect(r.tone).toBe("done");
    expect(r.text).toContain("Messages deleted: the last 1d");
    expect(h.performed("directMessage")).toEqual([]);
    expect(h.performed("ban")[0]).toMatchObject({ member: "raider-42", deleteMessageSeconds: 86_400 });
  });

  it("bad options get a clear reply naming the option", async () => {
    const missing = await h.command(MOD, "timeout", { member: ALICE });
    expect(missing.text).toContain("duration is required");
    const bad = await h.command(MOD, "timeout", { member: ALICE, duration: "soon" });
    expect(bad.text).toContain('duration "soon" is not a duration; write a number and a unit');
    const long = await h.command(MOD, "timeout", { member: ALICE, duration: "30d" });
    expect(long.text).toContain("duration must be between 1s and 28d");
    const unknown = await h.command(MOD, "frobnicate");
    expect(unknown.text).toContain('Steward has no command "frobnicate"');
    expect(h.performed("timeout")).toEqual([]);
  });

  it("/timeout and /untimeout: durations, strikes and a member who is not there", async () => {
    const r = await h.command(MOD, "timeout", { member: ALICE, duration: "1h", reason: "cool off" });
    expect(r.text).toContain("Duration: 1h");
    expect(h.performed("timeout")[0]!.durationMs).toBe(3_600_000);
    const u = await h.command(MOD, "untimeout", { member: ALICE });
    expect(u.title).toBe("Case #2 · untimeout");
    const gone = await h.command(MOD, "kick", { member: "nobody" });
    expect(gone.text).toContain("<@nobody> is not in the community");
  });

  it("/case reason and /case note are kept; /case show of an unknown case says so", async () => {
    await h.command(MOD, "warn", { member: ALICE, reason: "first" });
    await h.command(MOD, "case reason", { number: 1, reason: "rude in #general" });
    await h.command(MOD2, "case note", { number: 1, text: "talked to her, fine now" });
    const shown = await h.command(MOD, "case show", { number: 1 });
    expect(shown.text).toContain("Reason: rude in #general");
    expect(shown.text).toMatch(/Notes: .*<@mod-1>: reason changed from "first"\n.*<@mod-2>: talked to her, fine now/);
    const none = await h.command(MOD, "case show", { number: 99 });
    expect(none.text).toContain("This community has no case #99");
  });

  it("/strikes show and clear; cleared strikes stop counting towards escalation", async () => {
    await h.command(MOD, "warn", { member: ALICE, reason: "a", strikes: 2 });
    const shown = await h.command(MOD, "strikes show", { member: ALICE });
    expect(shown.text).toMatch(/2 · .* · case #1 · counts until/);
    const cleared = await h.command(MOD, "strikes clear", { member: ALICE });
    expect(cleared.text).toContain("Cleared 2 strike points of <@alice>");
    expect((await h.command(MOD, "strikes show", { member: ALICE })).text).toContain("Total: 0 active");
    // an insult now gives 2 strikes from 0: below the ladder's first step (3), so no escalation timeout
    const d = await h.post(ALICE, "you idiot", "m2");
    expect(d?.actions).toEqual(["delete", "warn"]);
  });

  it("/purge: one bulk action; with a member it opens a case", async () => {
    const all = await h.command(MOD, "purge", { count: 20 });
    expect(all.title).toBe("Purge");
    expect(h.performed("purgeMessages")[0]).toMatchObject({ channel: "general", count: 20 });
    const one = await h.command(MOD, "purge", { count: 5, member: ALICE });
    expect(one.title).toBe("Case #1 · purge");
    expect(h.performed("purgeMessages")[1]).toMatchObject({ count: 5, member: ALICE, caseNumber: 1 });
  });

  it("/review: a held message is listed with buttons; approve reverts the case and withdraws its strikes", async () => {
    // the fixture rule newcomer-link holds "check this" from members who joined within the hour
    await h.send({ type: "member.joined", member: { id: "newbie2", roles: [] } });
    await h.send({ type: "message.created", channel: "general", message: { id: "m4", author: "newbie2", text: "check this out" } });
    const d = h.decisions.at(-1)!;
    expect(d.rule).toBe("newcomer-link");
    const list = await h.command(MOD, "review list");
    expect(list.fields[0]!.name).toBe(`Item 1 · held message · case #${d.case}`);
    expect(list.fields[0]!.value).toContain("check this out");
    expect(list.buttons[0]!.map((b) => b.label)).toEqual(["Approve 1", "Reject 1"]);
    const approved = await h.press(MOD, list.buttons[0]![0]!.id);
    expect(approved.text).toContain("Approved: the message stays.");
    expect(approved.text).toContain(`Case #${d.case} reverted`);
    expect((await h.command(MOD, "case show", { number: d.case })).text).toContain("Status: reverted");
    const again = await h.press(MOD2, list.buttons[0]![1]!.id);
    expect(again.text).toContain("Already decided (approved by <@mod-1>)");
    expect(h.performed("deleteMessage").filter((a) => a.message === "m4")).toEqual([]);
    expect((await h.command(MOD, "review list")).text).toContain("Nothing is waiting for review.");
  });

  it("/review of a member waiting for approval: approve asks the platform to let them in", async () => {
    const p = new MemoryPersistence();
    const hh = await new Harness(p).start();
    await p.write({ ...emptyBatch(), reviews: [{ community: "acme", kind: "member", caseNumber: null, member: "applicant", payload: { answers: {} }, at: Date.parse("2026-10-01T10:00:00Z") }] });
    const list = await hh.command(MOD, "review list");
    expect(list.fields[0]!.name).toBe("Item 1 · member waiting for approval");
    const approved = await hh.command(MOD, "review approve", { item: "1" });
    expect(approved.text).toContain("Approved <@applicant>.");
    expect(hh.performed("approveMember")).toMatchObject([{ member: "applicant" }]);
  });

  it("/review of applicants decides as screening does: approve gives the member role and the welcome, reject tells why and declines", async () => {
    const onboarding = onboardingSchema.parse({
      welcome: { text: { en: "Welcome {mention}!" }, channel: "general" },
      screening: { questions: [{ id: "why", label: "Why join?" }], memberRole: "customer" },
    });
    const p = new MemoryPersistence();
    const hh = await new Harness(p, { onboarding }).start();
    const at = Date.parse("2026-10-01T10:00:00Z");
    await p.write({ ...emptyBatch(), reviews: [
      { community: "acme", kind: "member", caseNumber: null, member: "ana", payload: { answers: {} }, at },
      { community: "acme", kind: "member", caseNumber: null, member: "bo", payload: { answers: {} }, at },
    ] });
    const approved = await hh.command(MOD, "review approve", { item: "1" });
    expect(approved.text).toContain("Approved <@ana>: given the role customer, welcomed.");
    expect(hh.performed("addRole")).toMatchObject([{ member: "ana", role: "customer" }]);
    expect(hh.performed("postMessage")).toMatchObject([{ channel: "general", text: "Welcome <@ana>!" }]);
    const rejected = await hh.command(MOD, "review reject", { item: "2", reason: "we could not find your order" });
    expect(rejected.text).toContain("Turned away <@bo>: told why by direct message.");
    expect(hh.performed("directMessage")).toMatchObject([{ member: "bo", text: expect.stringContaining("We could not approve your request: we could not find your order.") }]);
    expect(hh.performed("declineMember")).toMatchObject([{ member: "bo" }]);
  });

  it("buttons are checked like typed commands", async () => {
    const r = await h.press(ALICE, "cmd:review approve?item=1");
    expect(r.tone).toBe("refused");
  });

  it("Report to moderators: the mod log hears of it; reject deletes the message under a new manual case", async () => {
    const r = await h.command(BOB, "report", { message: "m9", channel: "general", author: ALICE, text: "buy followers cheap" });
    expect(r.text).toContain("the moderators have been told");
    expect(h.performed("alertModerators").at(-1)!.text).toContain("Report by <@bob>: message by <@alice>");
    const list = await h.command(MOD, "review list");
    expect(list.fields[0]!.name).toBe("Item 1 · reported message");
    const rejected = await h.command(MOD, "review reject", { item: "1" });
    expect(rejected.text).toContain("Rejected: the message was deleted (case #1)");
    expect(h.performed("deleteMessage").at(-1)).toMatchObject({ channel: "general", message: "m9", caseNumber: 1 });
    expect((await h.command(MOD, "case show", { number: 1 })).text).toContain("Origin: manual review reject by <@mod-1>");
    const own = await h.command(BOB, "report", { message: "m10", channel: "general", author: BOB, text: "x" });
    expect(own.tone).toBe("refused");
  });

  it("Report to moderators: a message is reported once per window, a member at most 5 times", async () => {
    const rep = (member: string, message: string) => h.command(member, "report", { message, channel: "general", author: MOD2, text: "x" });
    await rep(BOB, "r1");
    expect((await rep(ALICE, "r1")).title).toBe("Already reported");
    for (const id of ["r2", "r3", "r4", "r5"]) expect((await rep(BOB, id)).title).toBe("Reported");
    const sixth = await rep(BOB, "r6");
    expect(sixth.tone).toBe("refused");
    expect(sixth.text).toContain("You reported 5 messages in the last 10 minutes");
    expect(h.performed("alertModerators")).toHaveLength(5);
    await h.send({ type: "member.updated", member: { id: BOB } }, 10 * 60_000);
    expect((await rep(BOB, "r6")).title).toBe("Reported");
  });

  it("/rules test shows the matching rule and the marked text; members may not use it", async () => {
    const r = await h.command(MOD, "rules test", { text: "you are an idiot" });
    expect(r.title).toBe("1 rule matches");
    expect(r.lines[0]).toBe("you are an «idiot»");
    expect(r.fields[0]!.name).toBe("respect/insult");
    expect(r.fields[0]!.value).toContain("then: delete, warn · strikes: 2");
    expect((await h.command(MOD, "rules test", { text: "hello there" })).title).toBe("No rule matches");
    expect((await h.command(ALICE, "rules test", { text: "x" })).tone).toBe("refused");
  });

  it("/rules reload reads the folder again", async () => {
    const r = await h.command(MOD, "rules reload");
    expect(r.tone).toBe("done");
    expect(r.text).toContain("3 rules in 2 guidelines");
  });

  it("every command has a description within Discord's 100 characters and lower-case names", () => {
    for (const c of COMMANDS) {
      expect(c.description.length, c.name).toBeLessThanOrEqual(100);
      expect(c.name).toMatch(/^[a-z]+( [a-z]+)?$/);
      for (const [name, o] of Object.entries(c.options)) {
        expect(name).toMatch(/^[a-z_]{1,32}$/);
        expect(o.meta.description.length, `${c.name} ${name}`).toBeLessThanOrEqual(100);
      }
    }
  });
});

describe("MemoryPersistence keeps cases between pipeline runs", () => {
  it("a second pipeline on the same persistence continues the case counter", async () => {
    const p = new MemoryPersistence();
    const a = await new Harness(p).start();
    await a.command(MOD, "warn", { member: ALICE, reason: "x" });
    await a.pipeline.flush();
    const b = await new Harness(p).start();
    const r = await b.command(MOD, "warn", { member: ALICE, reason: "y" });
    expect(r.title).toBe("Case #2 · warn");
  });
});

describe("/raid (platform-neutral)", () => {
  it("turns raid mode on and off by hand: moderators alerted, newcomers held, then the summary; status and repeats say so", async () => {
    const h = await new Harness().start();
    expect((await h.command(ALICE, "raid on")).tone).toBe("refused");
    const on = await h.command(MOD, "raid on");
    expect(on.tone).toBe("done");
    expect(on.text).toContain("Raid mode is now on");
    expect(h.performed("alertModerators").at(-1)!.text).toContain("Raid mode is on (started by a moderator)");
    expect((await h.command(MOD, "raid on")).text).toContain("Raid mode was already on");
    expect((await h.command(MOD2, "raid status")).text).toContain("Raid mode is on");
    await h.send({ type: "member.joined", member: { id: "raider-1", roles: [] } });
    const off = await h.command(MOD, "raid off");
    expect(off.text).toContain("Raid mode is now off");
    expect(h.performed("alertModerators").at(-1)!.text).toMatch(/^Raid mode ended by a moderator\. 1 member joined during it \(<@raider-1>\)/);
    expect((await h.command(MOD, "raid status")).text).toContain("Raid mode is off.");
  });
});
