// The pure parts of the Slack adapter: the capability matrix from tokens and scopes, the platform-
// neutral fallback planner, and /steward's text → command and options.
import { describe, expect, it } from "vitest";
import { slackCapabilities, parseStewardText } from "../../src/platforms/slack/index.js";
import { planFallback } from "../../src/moderation/fallback.js";
import { actionKinds, type Action, type ActionKind } from "../../src/core/actions.js";

const ALL_BOT = new Set(["chat:write", "im:write", "users:read", "channels:read", "groups:read", "channels:manage", "groups:write"]);

describe("slackCapabilities", () => {
  it("with a bot token only: no deletion of others' messages, no timeout, kick or ban; channel removal and messages yes", () => {
    const c = slackCapabilities({ botScopes: ALL_BOT, user: null });
    for (const k of ["deleteMessage", "purgeMessages", "timeout", "removeTimeout", "kick", "ban", "unban", "addRole", "removeRole"] as ActionKind[]) expect(c.kinds.has(k)).toBe(false);
    for (const k of ["warn", "directMessage", "alertModerators", "holdForReview", "reply", "postMessage", "respond", "removeFromChannel"] as ActionKind[]) expect(c.kinds.has(k)).toBe(true);
    expect(c.missing.get("deleteMessage")).toMatch(/bot token deletes only its own messages/);
    expect(c.missing.get("timeout")).toBe("Slack has no timeout");
    expect(c.missing.get("ban")).toMatch(/Enterprise Grid admin API/);
    // Every kind is either possible or explained.
    for (const k of actionKinds) expect(c.kinds.has(k) !== c.missing.has(k)).toBe(true);
  });

  it("an admin's user token with chat:write allows deleting; a non-admin's does not", () => {
    expect(slackCapabilities({ botScopes: ALL_BOT, user: { scopes: new Set(["chat:write"]), admin: true } }).kinds.has("deleteMessage")).toBe(true);
    const member = slackCapabilities({ botScopes: ALL_BOT, user: { scopes: new Set(["chat:write"]), admin: false } });
    expect(member.kinds.has("deleteMessage")).toBe(false);
    expect(member.missing.get("deleteMessage")).toMatch(/not a workspace admin/);
    expect(slackCapabilities({ botScopes: ALL_BOT, user: { scopes: new Set(["users:read"]), admin: true } }).missing.get("deleteMessage")).toMatch(/lacks the chat:write scope/);
  });

  it("without channels:manage and groups:write, no channel removal; without chat:write, no messages", () => {
    const c = slackCapabilities({ botScopes: new Set(["users:read"]), user: null });
    expect(c.kinds.has("removeFromChannel")).toBe(false);
    expect(c.kinds.has("alertModerators")).toBe(false);
    expect(c.missing.get("warn")).toMatch(/chat:write/);
  });
});

describe("planFallback", () => {
  const caps = slackCapabilities({ botScopes: ALL_BOT, user: null }).kinds;
  const del: Action = { kind: "deleteMessage", community: "T1", channel: "C1", message: "1.2", caseNumber: 4, reason: "no-link-spam/scam-domain: scam" };
  const timeout: Action = { kind: "timeout", community: "T1", member: "U1", durationMs: 3_600_000, caseNumber: 4, reason: "r" };

  it("delete → an alert with the link and a warning to the author (when the plan has none)", () => {
    const steps = planFallback(caps, del, [del], { channel: "C1", message: "1.2", member: "U1" }, { messageLink: () => "https://acme.slack.com/archives/C1/p12" });
    expect(steps).toHaveLength(1);
    expect(steps[0]!.what).toBe("alerted moderators with a link and warned the author");
    expect(steps[0]!.actions.map((a) => a.kind)).toEqual(["alertModerators", "warn"]);
    expect(steps[0]!.actions[0]).toMatchObject({ caseNumber: 4, text: expect.stringContaining("https://acme.slack.com/archives/C1/p12") });
    expect(steps[0]!.actions[1]).toMatchObject({ member: "U1", channel: "C1" });
  });

  it("delete with a planned warn → the alert only", () => {
    const warn: Action = { kind: "warn", community: "T1", member: "U1", channel: "C1", text: "t", reason: "r" };
    expect(planFallback(caps, del, [del, warn], { member: "U1" }).map((s) => s.actions.map((a) => a.kind))).toEqual([["alertModerators"]]);
  });

  it("timeout → removal from the case's channel first, an alert when that fails; no channel → the alert", () => {
    expect(planFallback(caps, timeout, [timeout], { channel: "C1" }).map((s) => s.actions.map((a) => a.kind))).toEqual([["removeFromChannel"], ["alertModerators"]]);
    expect(planFallback(caps, timeout, [timeout], {}).map((s) => s.actions.map((a) => a.kind))).toEqual([["alertModerators"]]);
  });

  it("removeTimeout and role changes have no substitute", () => {
    expect(planFallback(caps, { kind: "removeTimeout", community: "T1", member: "U1", reason: "" }, [], {})).toEqual([]);
    expect(planFallback(caps, { kind: "addRole", community: "T1", member: "U1", role: "x", reason: "" }, [], {})).toEqual([]);
  });
});

describe("parseStewardText", () => {
  it("parses subcommands, escaped mentions and the rest of the line as the reason", () => {
    expect(parseStewardText("warn <@U123ABC|dana> spamming links in #help")).toEqual({ command: "warn", options: { member: "U123ABC", reason: "spamming links in #help" } });
    expect(parseStewardText("warn <@U123ABC> be kind strikes:2")).toEqual({ command: "warn", options: { member: "U123ABC", reason: "be kind", strikes: "2" } });
    expect(parseStewardText("case 12")).toEqual({ command: "case show", options: { number: 12 } });
    expect(parseStewardText("case show #12")).toEqual({ command: "case show", options: { number: 12 } });
    expect(parseStewardText("history <@U123ABC|dana>")).toEqual({ command: "history", options: { member: "U123ABC" } });
    expect(parseStewardText("strikes <@U123ABC>")).toEqual({ command: "strikes show", options: { member: "U123ABC" } });
    expect(parseStewardText("review")).toEqual({ command: "review list", options: {} });
    expect(parseStewardText("rules test visit &lt;https://x.example|x.example&gt; now")).toEqual({ command: "rules test", options: { text: "visit <https://x.example|x.example> now" } });
    expect(parseStewardText("rules test claim it at <https://dlscord-gift.xyz/nitro|dlscord-gift.xyz/nitro> now")).toEqual({ command: "rules test", options: { text: "claim it at https://dlscord-gift.xyz/nitro now" } });
    expect(parseStewardText("testimonial withdraw")).toEqual({ command: "testimonial withdraw", options: {} });
    expect(parseStewardText("timeout <@U123ABC> 1h flooding")).toEqual({ command: "timeout", options: { member: "U123ABC", duration: "1h", reason: "flooding" } });
  });

  it("explains what it cannot parse", () => {
    expect(parseStewardText("warn dana spamming")).toEqual({ error: expect.stringMatching(/member must be a mention/) });
    expect(parseStewardText("frobnicate")).toEqual({ error: expect.stringMatching(/no command "frobnicate"/) });
    expect(parseStewardText("")).toEqual({ help: expect.stringMatching(/^Commands: /) });
  });
});

describe("slack/manifest.yml", () => {
  it("asks for the scopes and events the adapter uses: with an admin's user token, everything Slack allows is possible", async () => {
    const { readFileSync } = await import("node:fs");
    const { parse } = await import("yaml");
    const m = parse(readFileSync(new URL("../../slack/manifest.yml", import.meta.url), "utf8")) as {
      oauth_config: { scopes: { bot: string[]; user: string[] } };
      settings: { event_subscriptions: { bot_events: string[]; request_url: string }; interactivity: { request_url: string } };
      features: { slash_commands: { command: string; url: string; should_escape: boolean }[]; shortcuts: { callback_id: string; name: string; type: string }[] };
    };
    const c = slackCapabilities({ botScopes: new Set(m.oauth_config.scopes.bot), user: { scopes: new Set(m.oauth_config.scopes.user), admin: true } });
    expect([...c.missing.keys()].sort()).toEqual(["addRole", "ban", "kick", "removeRole", "removeTimeout", "timeout", "unban"]);
    expect(m.settings.event_subscriptions.bot_events.sort()).toEqual(["member_joined_channel", "message.channels", "message.groups", "reaction_added", "team_join"]);
    expect(m.features.slash_commands).toMatchObject([{ command: "/steward", should_escape: true }]);
    const { SLACK_SHORTCUTS } = await import("../../src/platforms/slack/shortcuts.js");
    expect(m.features.shortcuts.map((x) => [x.callback_id, x.name, x.type])).toEqual(SLACK_SHORTCUTS.map((x) => [x.callbackId, x.label, "message"]));
    for (const url of [m.settings.event_subscriptions.request_url, m.settings.interactivity.request_url, m.features.slash_commands[0]!.url]) expect(url).toMatch(/\/slack\/events$/);
  });
});
