/**
 * /steward on Slack: the slash command's text becomes the same command.invoked the neutral handlers
 * take; the answer goes back to the command's response_url as an ephemeral message; buttons are
 * Block Kit buttons whose presses come back as interaction.responded. Workspace admins are
 * moderators with no configuration; others are refused. A newcomer (team_join) is welcomed.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deliverButton, deliverCommand, deliverEvent } from "../fake-slack/index.js";
import { SECRET, SlackHarness, TEAM } from "./harness.js";

const text = (reply: Record<string, unknown>) => JSON.stringify(reply);

describe("/steward on Slack", () => {
  const h = new SlackHarness({
    settings: {
      channels: { welcome: "general" },
      onboarding: { welcome: { text: { en: "Welcome {mention}! Please read {guidelines}." } } },
    },
  });
  beforeAll(() => h.start(), 60_000);
  afterAll(() => h.stop());

  it("refuses /steward warn from a member who is not a workspace admin, and warns nobody", async () => {
    const since = h.fake.calls.length;
    const { status, reply, record } = await h.command("UBEN00001", "warn <@UCLEO0001|cleo> spamming links");
    expect(status).toBe(200);
    expect(reply).toMatchObject({ response_type: "ephemeral" });
    expect(text(reply)).toMatch(/Not allowed/);
    expect(text(reply)).toMatch(/for moderators/);
    expect(record).toMatchObject({ command: "warn", options: { member: "UCLEO0001", reason: "spamming links" }, delivered: "done" });
    expect(h.fake.calls.slice(since).filter((c) => c.method === "chat.postEphemeral" || c.method === "conversations.open")).toEqual([]);
  });

  it("lets a workspace admin warn: the member gets the warning, the admin a confirmation", async () => {
    const since = h.fake.calls.length;
    const { reply } = await h.command("UADA00001", "warn <@UCLEO0001|cleo> please keep links in #help");
    expect(text(reply)).toMatch(/Case #\d+/);
    const warned = h.fake.calls.slice(since).filter((c) => (c.method === "chat.postEphemeral" || c.method === "chat.postMessage") && JSON.stringify(c.args).includes("please keep links in #help"));
    expect(warned.length).toBeGreaterThanOrEqual(1);
    expect(warned.at(-1)!.answer).toMatchObject({ ok: true });
  });

  it("/steward timeout: Slack has none, so the admin is told and the member is not", async () => {
    const since = h.fake.calls.length;
    const { reply } = await h.command("UADA00001", "timeout <@UCLEO0001|cleo> 1h flooding");
    expect(text(reply)).toMatch(/Not done: slack cannot timeout/);
    expect(h.fake.callsTo("conversations.open", since)).toEqual([]);
    expect(h.fake.callsTo("chat.postEphemeral", since)).toEqual([]);
  });

  it("/steward history and strikes show the warning; /steward case 1 shows the case", async () => {
    await h.pipeline.flush();
    expect(text((await h.command("UADA00001", "history <@UCLEO0001|cleo>")).reply)).toMatch(/please keep links in #help/);
    expect(text((await h.command("UADA00001", "strikes <@UCLEO0001|cleo>")).reply)).toMatch(/Strikes/);
    const c = (await h.command("UADA00001", "case 1")).reply;
    expect(text(c)).toMatch(/Case #1/);
  });

  it("/steward rules test judges a text with the default guidelines", async () => {
    const { reply, record } = await h.command("UADA00001", "rules test claim free nitro at https://dlscord-gift.xyz/nitro");
    expect(record).toMatchObject({ command: "rules test", options: { text: "claim free nitro at https://dlscord-gift.xyz/nitro" } });
    expect(text(reply)).toMatch(/no-link-spam/);
  });

  it("answers help and unknown subcommands at once, in the HTTP response, without the pipeline", async () => {
    const before = h.commands.length;
    const r = await deliverCommand(h.eventsUrl, SECRET, { team: TEAM, user: "UBEN00001", channel: "CGENERAL1", text: "frobnicate", responseUrl: h.fake.responseUrl() });
    expect(r.status).toBe(200);
    expect(JSON.parse(r.text)).toMatchObject({ response_type: "ephemeral", text: expect.stringMatching(/no command "frobnicate".*warn/) });
    const help = await deliverCommand(h.eventsUrl, SECRET, { team: TEAM, user: "UBEN00001", channel: "CGENERAL1", text: "", responseUrl: h.fake.responseUrl() });
    expect(JSON.parse(help.text).text).toMatch(/^Commands: warn, timeout/);
    expect(h.commands.length).toBe(before);
  });

  it("review list has Block Kit buttons; pressing one runs the command as the presser", async () => {
    // A held message (a defanged link: hold) puts an item in the review queue.
    const { ts } = await h.say("UBEN00001", "CHELP0001", "look at hxxps://example[.]com/deal");
    await h.decisionOn(ts);
    await h.pipeline.flush();
    const { reply } = await h.command("UADA00001", "review");
    const blocks = reply.blocks as { type: string; elements?: { action_id: string; text: { text: string } }[] }[];
    const buttons = blocks.filter((b) => b.type === "actions").flatMap((b) => b.elements ?? []);
    const approve = buttons.find((b) => b.action_id.startsWith("cmd:review approve"));
    expect(approve).toBeDefined();
    // A member who is not an admin presses it: refused, like typing it.
    const since = h.fake.responses.length;
    const r = await deliverButton(h.eventsUrl, SECRET, { team: TEAM, user: "UBEN00001", channel: "CHELP0001", actionId: approve!.action_id, responseUrl: h.fake.responseUrl() });
    expect(r.status).toBe(200);
    expect(text((await h.fake.waitForResponse(since)).body)).toMatch(/Not allowed/);
    // The admin's press approves.
    const since2 = h.fake.responses.length;
    await deliverButton(h.eventsUrl, SECRET, { team: TEAM, user: "UADA00001", channel: "CHELP0001", actionId: approve!.action_id, responseUrl: h.fake.responseUrl() });
    expect(text((await h.fake.waitForResponse(since2)).body)).not.toMatch(/Not allowed/);
  });

  it("team_join: the newcomer is welcomed in #general (onboarding's welcome)", async () => {
    const since = h.fake.calls.length;
    h.fake.seed.users.push({ id: "UNEW00001", name: "nadia" });
    const r = await deliverEvent(h.eventsUrl, SECRET, TEAM, { type: "team_join", user: { id: "UNEW00001", name: "nadia", team_id: TEAM, profile: { display_name: "nadia" } } });
    expect(r.status).toBe(200);
    const post = await h.fake.waitFor("chat.postMessage", since);
    expect(post.args).toMatchObject({ channel: "CGENERAL1" });
    expect(String(post.args.text)).toMatch(/^Welcome <@UNEW00001>! Please read /);
    expect(post.answer).toMatchObject({ ok: true });
  });
});
