/**
 * Slack redelivers an event (same event_id, with X-Slack-Retry-Num / retry_attempt) when its ack
 * was slow or lost. Steward handles it once: one Steward event, one case, one set of actions — over
 * HTTP (signed deliveries to Bolt's receiver) and over Socket Mode (envelopes).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deliver, eventBody, retryHeaders } from "../fake-slack/index.js";
import { SeenEvents } from "../../src/platforms/slack/dedupe.js";
import { SECRET, SlackHarness, TEAM } from "./harness.js";

const SCAM = "claim free nitro at https://dlscord-gift.xyz/nitro";
const settle = () => new Promise((r) => setTimeout(r, 300));

describe("a retried delivery over HTTP", () => {
  const h = new SlackHarness();
  beforeAll(() => h.start(), 60_000);
  afterAll(() => h.stop());

  it("the same event delivered twice (the second with Slack's retry headers) is one event, one case, one set of actions", async () => {
    const m = h.fake.post("CHELP0001", "UBEN00001", SCAM);
    const body = eventBody(TEAM, { type: "message", channel: "CHELP0001", channel_type: "channel", user: "UBEN00001", text: SCAM, ts: m.ts, event_ts: m.ts, team: TEAM });
    const events = h.pipeline.stats.events;
    const since = h.fake.calls.length;
    expect((await deliver(h.eventsUrl, SECRET, body, "application/json")).status).toBe(200);
    await h.decisionOn(m.ts);
    const first = h.fake.calls.length - since;
    // Slack did not get the ack in time: the same event_id again, attempt 1 and 2.
    expect((await deliver(h.eventsUrl, SECRET, body, "application/json", { headers: retryHeaders(1, "http_timeout") })).status).toBe(200);
    expect((await deliver(h.eventsUrl, SECRET, body, "application/json", { headers: retryHeaders(2, "http_error") })).status).toBe(200);
    await settle();
    await h.pipeline.flush();
    expect(h.pipeline.stats.events - events).toBe(1);
    expect(h.decisions.filter((d) => d.message === m.ts)).toHaveLength(1);
    expect(h.fake.calls.length - since).toBe(first); // no Web API call for the repeats
    expect(h.fake.callsTo("conversations.kick", since)).toHaveLength(1);
    expect(h.fake.callsTo("chat.postMessage", since).filter((c) => c.args.channel === "CMODLOG01" && String(c.args.text).includes("could not delete"))).toHaveLength(1);
    expect(h.adapter.seenEvents.dropped).toBe(2);
  });

  it("a different event with the same text is still judged (ids, not contents, are remembered)", async () => {
    const m = h.fake.post("CHELP0001", "UCLEO0001", SCAM);
    const r = await deliver(h.eventsUrl, SECRET, eventBody(TEAM, { type: "message", channel: "CHELP0001", channel_type: "channel", user: "UCLEO0001", text: SCAM, ts: m.ts, event_ts: m.ts, team: TEAM }), "application/json", { headers: retryHeaders(1) });
    expect(r.status).toBe(200);
    expect((await h.decisionOn(m.ts)).actions[0]).toBe("delete");
  });
});

describe("a retried envelope over Socket Mode", () => {
  const h = new SlackHarness({ socket: true });
  beforeAll(() => h.start(), 60_000);
  afterAll(() => h.stop());

  it("acknowledges both envelopes and handles the event once", async () => {
    const m = h.fake.post("CHELP0001", "UBEN00001", SCAM);
    const payload = { team_id: TEAM, api_app_id: "ASTEWARD1", type: "event_callback", event_id: "EvRetry1", event_time: 1, event: { type: "message", channel: "CHELP0001", channel_type: "channel", user: "UBEN00001", text: SCAM, ts: m.ts } };
    const events = h.pipeline.stats.events;
    const since = h.fake.calls.length;
    await h.fake.sendEnvelope("events_api", payload);
    await h.decisionOn(m.ts);
    await h.fake.sendEnvelope("events_api", payload, 5000, { attempt: 1, reason: "timeout" });
    await settle();
    await h.pipeline.flush();
    expect(h.pipeline.stats.events - events).toBe(1);
    expect(h.decisions.filter((d) => d.message === m.ts)).toHaveLength(1);
    expect(h.fake.callsTo("conversations.kick", since)).toHaveLength(1);
  });
});

describe("the memory of event ids", () => {
  it("forgets ids after the window and keeps at most its capacity", () => {
    let now = 0;
    const seen = new SeenEvents(60_000, 3, () => now);
    expect(seen.first("a")).toBe(true);
    expect(seen.first("a")).toBe(false);
    now = 60_001;
    expect(seen.first("a")).toBe(true); // an hour later Slack no longer retries: the id is new again
    for (const id of ["b", "c", "d"]) seen.first(id);
    expect(seen.size).toBe(3);
    expect(seen.first("a")).toBe(true); // the oldest was let go to stay within capacity
    expect(seen.first("d")).toBe(false);
  });
});
