/**
 * A scam link on Slack, end to end (signed delivery → real Bolt → adapter → pipeline → fake Slack):
 * with a workspace admin's user token the message is deleted (chat.delete with that token); without
 * one Slack allows no deletion, so moderators get a link in #mod-log and the author a private note,
 * and the case records what was planned, what was done and what fell back. Slack has no timeout:
 * the member is removed from the channel instead, except from #general, where the moderators are told.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deliverEvent } from "../fake-slack/index.js";
import { SECRET, SlackHarness, TEAM } from "./harness.js";

const SCAM = "claim free nitro at https://dlscord-gift.xyz/nitro";

describe("a scam link with SLACK_USER_TOKEN (a workspace admin's)", () => {
  const h = new SlackHarness({ userToken: "xoxp-fake-admin" });
  beforeAll(() => h.start(), 60_000);
  afterAll(() => h.stop());

  it("reports delete among its capabilities", () => {
    expect(h.adapter.capabilities().has("deleteMessage")).toBe(true);
    expect(h.adapter.capabilities().has("timeout")).toBe(false);
  });

  it("deletes the message with the admin's user token and records the case", async () => {
    const since = h.fake.calls.length;
    const { ts } = await h.say("UBEN00001", "CHELP0001", SCAM);
    const d = await h.decisionOn(ts);
    expect(d.rule).toMatch(/scam-domain|lookalike-domain/);
    const del = h.fake.callsTo("chat.delete", since);
    expect(del).toHaveLength(1);
    expect(del[0]).toMatchObject({ token: "xoxp-fake-admin", args: { channel: "CHELP0001", ts }, answer: { ok: true } });
    expect(h.fake.messages.find((m) => m.ts === ts)).toBeUndefined();
    expect(d.actions[0]).toBe("delete");
    expect(d.actions[1]).toMatch(/^timeout /);
    expect(d.outcomes[0]).toMatchObject({ action: "delete", status: "done" });
    // No timeout on Slack: removed from #help instead.
    expect(d.outcomes[1]).toMatchObject({ action: d.actions[1], status: "unsupported" });
    expect(d.outcomes[1]!.detail).toMatch(/Slack has no timeout/);
    expect(d.outcomes[2]).toMatchObject({ action: "remove from channel CHELP0001", status: "done" });
    expect(d.outcomes[2]!.detail).toMatch(/^fallback for timeout: removed from <#CHELP0001>/);
    expect(h.fake.callsTo("conversations.kick", since)[0]).toMatchObject({ token: "xoxb-fake-bot", args: { channel: "CHELP0001", user: "UBEN00001" }, answer: { ok: true } });
    // The planned alert reached #mod-log.
    expect(d.outcomes.at(-1)).toMatchObject({ action: "alert", status: "done" });
    const posts = h.fake.callsTo("chat.postMessage", since).filter((c) => c.args.channel === "CMODLOG01");
    expect(posts.length).toBeGreaterThanOrEqual(1);
    expect(String(posts.at(-1)!.args.text)).toContain(`Case #${d.case}`);
  });
  it("/steward purge deletes a member's last messages with the admin's user token", async () => {
    const posted = [h.fake.post("CHELP0001", "UCLEO0001", "one"), h.fake.post("CHELP0001", "UCLEO0001", "two"), h.fake.post("CHELP0001", "UBEN00001", "keep me")];
    const since = h.fake.calls.length;
    const { reply } = await h.command("UADA00001", "purge 5 <@UCLEO0001|cleo> flooding", "CHELP0001");
    expect(JSON.stringify(reply)).toMatch(/deleted 2 messages/);
    expect(h.fake.callsTo("chat.delete", since).map((c) => [c.token, c.args.ts])).toEqual([
      ["xoxp-fake-admin", posted[1]!.ts],
      ["xoxp-fake-admin", posted[0]!.ts],
    ]);
    expect(h.fake.messages.some((m) => m.ts === posted[2]!.ts)).toBe(true);
  });
});

describe("a scam link without a user token", () => {
  const h = new SlackHarness();
  beforeAll(() => h.start(), 60_000);
  afterAll(() => h.stop());

  it("cannot delete others' messages: the capability is missing, with the reason", () => {
    expect(h.adapter.capabilities().has("deleteMessage")).toBe(false);
    expect(h.adapter.capabilityReport.missing.get("deleteMessage")).toMatch(/SLACK_USER_TOKEN/);
  });

  it("alerts the moderators with a link, warns the author privately, and records planned, done and fallen back", async () => {
    const since = h.fake.calls.length;
    const { ts } = await h.say("UCLEO0001", "CHELP0001", SCAM);
    const d = await h.decisionOn(ts);
    expect(h.fake.callsTo("chat.delete", since)).toEqual([]);
    expect(h.fake.messages.find((m) => m.ts === ts)).toBeDefined(); // still there: Slack allowed no deletion
    expect(d.actions[0]).toBe("delete");
    expect(d.actions).toContain("alert");
    expect(d.outcomes[0]).toMatchObject({ action: "delete", status: "unsupported" });
    expect(d.outcomes[0]!.detail).toMatch(/a bot token deletes only its own messages/);
    expect(d.outcomes[1]).toMatchObject({ action: "alert", status: "done" });
    expect(d.outcomes[1]!.detail).toMatch(/^fallback for deleteMessage: alerted moderators with a link/);
    // The author is warned: by the plan's own warn when it has one, else by the fallback.
    expect(d.outcomes.filter((o) => o.action === "warn" && o.status === "done")).toHaveLength(1);
    // Moderators get the message's link in #mod-log…
    const alert = h.fake.callsTo("chat.postMessage", since).find((c) => c.args.channel === "CMODLOG01" && String(c.args.text).includes("could not delete"));
    expect(alert).toBeDefined();
    expect(String(alert!.args.text)).toContain(`https://acme.slack.com/archives/CHELP0001/p${ts.replace(".", "")}`);
    expect(String(alert!.args.text)).toContain("<@UCLEO0001>");
    // …the author a note only they see in the channel; they were removed from it just before (the
    // timeout's fallback), so Slack refuses it and the warning goes by direct message.
    const note = h.fake.callsTo("chat.postEphemeral", since)[0];
    expect(note).toMatchObject({ args: { channel: "CHELP0001", user: "UCLEO0001" }, answer: { ok: false, error: "user_not_in_channel" } });
    const dm = h.fake.callsTo("chat.postMessage", since).find((c) => c.args.channel === "DCLEO0001");
    expect(dm?.answer).toMatchObject({ ok: true });
    expect(String(dm!.args.text)).toMatch(/link spam/i);
    expect(d.outcomes.find((o) => o.action === "warn")).toMatchObject({ status: "done" });
    // Timeout: removed from the channel instead.
    expect(d.outcomes.find((o) => o.action === "remove from channel CHELP0001")).toMatchObject({ status: "done" });
  });

  it("in #general nobody can be removed: the timeout falls back to alerting the moderators", async () => {
    const since = h.fake.calls.length;
    const { ts } = await h.say("UBEN00001", "CGENERAL1", SCAM);
    const d = await h.decisionOn(ts);
    expect(h.fake.callsTo("conversations.kick", since)).toEqual([]);
    const timeout = d.outcomes.findIndex((o) => o.action.startsWith("timeout "));
    expect(d.outcomes[timeout]).toMatchObject({ status: "unsupported" });
    expect(d.outcomes[timeout + 1]).toMatchObject({ action: "remove from channel CGENERAL1", status: "refused" });
    expect(d.outcomes[timeout + 1]!.detail).toMatch(/fallback for timeout: could not remove from channel CGENERAL1 \(nobody can be removed from #general/);
    expect(d.outcomes[timeout + 2]).toMatchObject({ action: "alert", status: "done", detail: "fallback for timeout: alerted moderators" });
  });

  it("the case keeps the record: /steward case shows the fallbacks to an admin", async () => {
    const d = h.decisions.at(-1)!;
    await h.pipeline.flush();
    const { reply } = await h.command("UADA00001", `case ${d.case}`);
    expect(JSON.stringify(reply)).toMatch(/fallback for deleteMessage: alerted moderators/);
  });

  it("watches edits: a message edited into a scam link is judged; bot messages and Steward's own are not", async () => {
    const m = h.fake.post("CHELP0001", "UBEN00001", "hello all");
    const ts = m.ts;
    const edit = { type: "message", subtype: "message_changed", channel: "CHELP0001", channel_type: "channel", hidden: true, ts: `${ts}9`, event_ts: `${ts}9`, message: { type: "message", user: "UBEN00001", text: "claim free nitro at https://dlscord-gift.xyz/nitro", ts, edited: { user: "UBEN00001", ts: `${ts}9` } }, previous_message: { type: "message", user: "UBEN00001", text: "hello all", ts } };
    expect((await deliverEvent(h.eventsUrl, SECRET, TEAM, edit)).status).toBe(200);
    const d = await h.decisionOn(ts);
    expect(d.actions[0]).toBe("delete");
    const before = h.pipeline.stats.events;
    await deliverEvent(h.eventsUrl, SECRET, TEAM, { type: "message", subtype: "bot_message", bot_id: "BOTHER001", channel: "CHELP0001", channel_type: "channel", text: "https://dlscord-gift.xyz/nitro", ts: "1800009999.000001" });
    await deliverEvent(h.eventsUrl, SECRET, TEAM, { type: "message", user: "UBOT00001", bot_id: "BSTEWARD1", channel: "CHELP0001", channel_type: "channel", text: "https://dlscord-gift.xyz/nitro", ts: "1800009999.000002" });
    await deliverEvent(h.eventsUrl, SECRET, TEAM, { type: "message", user: "UBEN00001", channel: "DBEN00001", channel_type: "im", text: "https://dlscord-gift.xyz/nitro", ts: "1800009999.000003" });
    await new Promise((r) => setTimeout(r, 300));
    expect(h.pipeline.stats.events).toBe(before);
  });
});
