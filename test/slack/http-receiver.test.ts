/**
 * Slack's HTTP mode on Steward's HTTP server: signed deliveries to /slack/events reach the real Bolt
 * receiver, which refuses forged or stale requests and answers Slack's url_verification challenge.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deliver, deliverEvent } from "../fake-slack/index.js";
import { SECRET, SlackHarness, TEAM } from "./harness.js";

describe("POST /slack/events on Steward's HTTP server", () => {
  const h = new SlackHarness();
  beforeAll(() => h.start(), 60_000);
  afterAll(() => h.stop());

  it("answers the url_verification challenge", async () => {
    const body = JSON.stringify({ token: "legacy", challenge: "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P", type: "url_verification" });
    const r = await deliver(h.eventsUrl, SECRET, body, "application/json");
    expect(r.status).toBe(200);
    expect(JSON.parse(r.text)).toEqual({ challenge: "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P" });
  });

  it("refuses a request signed with another secret (401) and does not act on it", async () => {
    const m = h.fake.post("CGENERAL1", "UBEN00001", "claim free nitro at https://dlscord-gift.xyz/nitro");
    const since = h.fake.calls.length;
    const r = await deliverEvent(h.eventsUrl, SECRET, TEAM, { type: "message", channel: "CGENERAL1", channel_type: "channel", user: "UBEN00001", text: m.text, ts: m.ts }, { secret: "not-the-secret" });
    expect(r.status).toBe(401);
    await new Promise((res) => setTimeout(res, 300));
    expect(h.decisions.find((d) => d.message === m.ts)).toBeUndefined();
    expect(h.fake.calls.slice(since).filter((c) => c.method.startsWith("chat."))).toEqual([]);
  });

  it("refuses a correctly signed request whose timestamp is older than 5 minutes (replay)", async () => {
    const m = h.fake.post("CGENERAL1", "UBEN00001", "claim free nitro at https://dlscord-gift.xyz/nitro");
    const r = await deliverEvent(h.eventsUrl, SECRET, TEAM, { type: "message", channel: "CGENERAL1", channel_type: "channel", user: "UBEN00001", text: m.text, ts: m.ts }, { timestamp: Math.floor(Date.now() / 1000) - 6 * 60 });
    expect(r.status).toBe(401);
    await new Promise((res) => setTimeout(res, 300));
    expect(h.decisions.find((d) => d.message === m.ts)).toBeUndefined();
  });

  it("accepts a signed event (200) and the pipeline judges it", async () => {
    const { ts, status } = await h.say("UBEN00001", "CHELP0001", "hello, where do I find my invoice?");
    expect(status).toBe(200);
    await new Promise((res) => setTimeout(res, 300));
    expect(h.decisions.find((d) => d.message === ts)).toBeUndefined(); // nothing to act on
  });

  it("leaves other routes alone: /healthz still answers, GET /slack/events is 405", async () => {
    expect((await fetch(`http://127.0.0.1:${h.server.port}/healthz`)).status).toBe(200);
    expect((await fetch(h.eventsUrl)).status).toBe(405);
  });
});
