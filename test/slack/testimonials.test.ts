/**
 * Testimonials on Slack: a workspace admin's ⭐ (reaction "star") on a member's message DMs the
 * author (conversations.open + chat.postMessage) the quote with three Block Kit buttons; the press
 * in the DM comes back as interaction.responded with the same ids as on Discord, records the consent
 * and replaces the DM with the answer (no buttons left). /steward testimonial withdraw takes it back.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deliverButton, deliverEvent, deliverShortcut } from "../fake-slack/index.js";
import { testimonialsForExport } from "../../src/store/testimonials.js";
import { exportable } from "../../src/testimonials/export.js";
import { SECRET, SlackHarness, TEAM } from "./harness.js";

interface Button {
  action_id: string;
  text: { text: string };
}

describe("testimonials on Slack", () => {
  const h = new SlackHarness();
  beforeAll(() => h.start(), 60_000);
  afterAll(() => h.stop());

  const consented = async () => exportable(await testimonialsForExport(h.store.prisma, TEAM));

  it("a moderator's star DMs the author with three buttons; the press records the consent and replaces the DM", async () => {
    const { ts } = await h.say("UBEN00001", "CHELP0001", "The jute bag I bought is great, love the quality!");
    const since = h.fake.calls.length;
    await deliverEvent(h.eventsUrl, SECRET, TEAM, { type: "reaction_added", user: "UADA00001", reaction: "star", item: { type: "message", channel: "CHELP0001", ts }, item_user: "UBEN00001", event_ts: ts });
    const open = await h.fake.waitFor("conversations.open", since);
    expect(open.args).toMatchObject({ users: "UBEN00001" });
    const dm = await h.fake.waitFor("chat.postMessage", since);
    expect(dm.args.channel).toBe("DBEN00001");
    expect(String(dm.args.text)).toContain("The jute bag I bought is great, love the quality!");
    const blocks = JSON.parse(String(dm.args.blocks)) as { type: string; elements?: Button[] }[];
    const buttons = blocks.filter((b) => b.type === "actions").flatMap((b) => b.elements ?? []);
    expect(buttons.map((b) => b.text.text)).toEqual(["Publish with my name", "Publish anonymously", "Don't publish"]);
    expect(buttons.map((b) => b.action_id)).toEqual(["named", "anonymous", "declined"].map((c) => `steward:testimonial:${TEAM}:${ts}:${c}`));
    expect(await consented()).toEqual([]);

    const r0 = h.fake.responses.length;
    await deliverButton(h.eventsUrl, SECRET, { team: TEAM, user: "UBEN00001", channel: "DBEN00001", actionId: buttons[0]!.action_id, responseUrl: h.fake.responseUrl(), messageText: String(dm.args.text) });
    const answer = (await h.fake.waitForResponse(r0)).body;
    expect(answer).toMatchObject({ replace_original: true });
    expect(String(answer.text)).toContain("Thank you! Your message may be published with your name.");
    expect(JSON.stringify(answer.blocks)).not.toContain("actions");
    expect(await consented()).toMatchObject([{ message: ts, quote: "The jute bag I bought is great, love the quality!", attribution: "named" }]);
  });

  it("a member's star asks nothing", async () => {
    const { ts } = await h.say("UBEN00001", "CHELP0001", "Delivery was fast and the kurti fits perfectly, thank you");
    const since = h.fake.calls.length;
    await deliverEvent(h.eventsUrl, SECRET, TEAM, { type: "reaction_added", user: "UCLEO0001", reaction: "star", item: { type: "message", channel: "CHELP0001", ts }, event_ts: ts });
    await new Promise((r) => setTimeout(r, 400));
    expect(h.fake.callsTo("conversations.open", since)).toEqual([]);
  });

  it("the message shortcut Capture testimonial (a moderator's) DMs the author as a star does", async () => {
    const { ts } = await h.say("UCLEO0001", "CHELP0001", "Best customer service I have had in years");
    const since = h.fake.calls.length;
    const r0 = h.fake.responses.length;
    const r = await deliverShortcut(h.eventsUrl, SECRET, { team: TEAM, user: "UADA00001", channel: "CHELP0001", callbackId: "steward_testimonial_capture", message: { ts, user: "UCLEO0001", text: "Best customer service I have had in years" }, responseUrl: h.fake.responseUrl() });
    expect(r.status).toBe(200);
    await h.fake.waitForResponse(r0); // the moderator is answered
    const dm = await h.fake.waitFor("chat.postMessage", since);
    expect(dm.args.channel).toBe("DCLEO0001");
    expect(String(dm.args.text)).toContain("Best customer service I have had in years");
    expect(String(dm.args.blocks)).toContain(`steward:testimonial:${TEAM}:${ts}:named`);
  });

  it("the message shortcut Report to moderators (any member's) posts the report in #mod-log", async () => {
    const { ts } = await h.say("UCLEO0001", "CHELP0001", "you are all idiots");
    const since = h.fake.calls.length;
    const r0 = h.fake.responses.length;
    await deliverShortcut(h.eventsUrl, SECRET, { team: TEAM, user: "UBEN00001", channel: "CHELP0001", callbackId: "steward_report", message: { ts, user: "UCLEO0001", text: "you are all idiots" }, responseUrl: h.fake.responseUrl() });
    expect(JSON.stringify((await h.fake.waitForResponse(r0)).body)).not.toMatch(/Not allowed/);
    const report = h.fake.callsTo("chat.postMessage", since).find((c) => c.args.channel === "CMODLOG01" && String(c.args.text).includes("<@UBEN00001>"));
    expect(report).toBeDefined();
  });

  it("/steward testimonial withdraw takes the consent back", async () => {
    const { reply } = await h.command("UBEN00001", "testimonial withdraw");
    expect(JSON.stringify(reply)).toMatch(/withdr/i);
    expect(await consented()).toEqual([]);
  });
});
