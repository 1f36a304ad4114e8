/**
 * Socket Mode (SLACK_APP_TOKEN): Bolt's own SocketModeReceiver opens the WebSocket the fake Slack's
 * apps.connections.open names; events, /steward and button presses arrive as envelopes the app
 * acknowledges, and go through the same adapter and pipeline as over HTTP.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SlackHarness, TEAM } from "./harness.js";

describe("Slack over Socket Mode", () => {
  const h = new SlackHarness({ socket: true });
  beforeAll(() => h.start(), 60_000);
  afterAll(() => h.stop());

  it("connects with the app token (apps.connections.open, then the WebSocket)", () => {
    expect(h.fake.callsTo("apps.connections.open")[0]).toMatchObject({ token: "xapp-fake-app", answer: { ok: true } });
    expect(h.fake.socketConnections).toBe(1);
  });

  it("acknowledges an event envelope and moderates the message: a scam link falls back to an alert with a link", async () => {
    const since = h.fake.calls.length;
    const m = h.fake.post("CHELP0001", "UBEN00001", "claim free nitro at https://dlscord-gift.xyz/nitro");
    await h.fake.sendEnvelope("events_api", { team_id: TEAM, api_app_id: "ASTEWARD1", type: "event_callback", event_id: "EvS1", event_time: 1, event: { type: "message", channel: "CHELP0001", channel_type: "channel", user: "UBEN00001", text: m.text, ts: m.ts } });
    const d = await h.decisionOn(m.ts);
    expect(d.outcomes[0]).toMatchObject({ action: "delete", status: "unsupported" });
    expect(d.outcomes[1]!.detail).toMatch(/^fallback for deleteMessage: alerted moderators with a link/);
    const alert = h.fake.callsTo("chat.postMessage", since).find((c) => c.args.channel === "CMODLOG01" && String(c.args.text).includes("could not delete"));
    expect(String(alert!.args.text)).toContain(`/archives/CHELP0001/p${m.ts.replace(".", "")}`);
  });

  it("/steward over the socket: help in the ack, a refused warn through the response_url", async () => {
    const command = (text: string, user: string, responseUrl: string) => ({ team_id: TEAM, channel_id: "CGENERAL1", user_id: user, command: "/steward", text, response_url: responseUrl, trigger_id: "t.1", api_app_id: "ASTEWARD1" });
    const help = await h.fake.sendEnvelope("slash_commands", command("help", "UBEN00001", h.fake.responseUrl()));
    expect(help).toMatchObject({ response_type: "ephemeral", text: expect.stringMatching(/^Commands: /) });
    const since = h.fake.responses.length;
    await h.fake.sendEnvelope("slash_commands", command("warn <@UCLEO0001|cleo> rude", "UBEN00001", h.fake.responseUrl()));
    expect(JSON.stringify((await h.fake.waitForResponse(since)).body)).toMatch(/Not allowed/);
  });
});
