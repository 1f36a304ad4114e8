/**
 * Slack's faults, survived through the real Bolt and @slack/web-api against the fake Slack: 429s
 * with Retry-After, 500/503 answers, slow answers, and Socket Mode connections dropped by the server.
 * Every action the pipeline asks for is done exactly once (the fake records only the calls it
 * performed); what outlasts the client's retries is `failed` and retryable, Slack's refusals are not
 * retried, and a post whose answer came too late is never posted twice. Measured figures (faults
 * served, retries, elapsed) are printed.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Action } from "../../src/core/actions.js";
import { deliver, eventBody, exampleWorkspace, retryHeaders, type Fault } from "../fake-slack/index.js";
import { SECRET, SlackHarness, TEAM } from "./harness.js";

const SCAM = "claim free nitro at https://dlscord-gift.xyz/nitro";
const API = { retries: 3, minRetryMs: 100, timeoutMs: 1000 };
const figures = (label: string, f: Record<string, unknown>) => console.log(`[slack faults] ${label}: ${JSON.stringify(f)}`);

describe("Web API faults during a case (HTTP mode, admin's user token)", () => {
  const h = new SlackHarness({ userToken: "xoxp-fake-admin", api: API });
  beforeAll(() => h.start(), 60_000);
  afterAll(() => h.stop());

  it("429s (Retry-After 1 s), 503s, 500s and slow answers: every action is done exactly once, nothing is lost", async () => {
    const f = h.fake.faults;
    f.inject("chat.delete", { status: 429, retryAfter: 1 }, 2);
    f.inject("conversations.kick", { status: 503 });
    f.inject("conversations.kick", { status: 500 });
    f.inject("chat.postMessage", { status: 500 });
    f.inject("chat.postMessage", { delayMs: 300 });
    const served = f.served.length;
    const stats0 = { ...h.adapter.apiStats };
    const since = h.fake.calls.length;
    const started = Date.now();
    const { ts } = await h.say("UBEN00001", "CHELP0001", SCAM);
    const d = await h.decisionOn(ts, 30_000);
    const elapsed = Date.now() - started;
    expect(f.pending).toBe(0);
    expect(d.outcomes.filter((o) => o.status === "failed")).toEqual([]);
    expect(d.outcomes[0]).toMatchObject({ action: "delete", status: "done" });
    expect(d.outcomes.find((o) => o.action === "remove from channel CHELP0001")).toMatchObject({ status: "done" });
    expect(d.outcomes.at(-1)).toMatchObject({ action: "alert", status: "done" });
    // Exactly once, as Slack saw it.
    const ok = (method: string) => h.fake.callsTo(method, since).filter((c) => c.answer.ok);
    expect(ok("chat.delete").filter((c) => c.args.ts === ts)).toHaveLength(1);
    expect(ok("conversations.kick")).toHaveLength(1);
    expect(h.fake.messages.filter((m) => m.channel === "CMODLOG01" && m.text.includes(`Case #${d.case}`))).toHaveLength(1);
    expect(h.fake.messages.find((m) => m.ts === ts)).toBeUndefined();
    const stats = { rateLimited: h.adapter.apiStats.rateLimited - stats0.rateLimited, retried: h.adapter.apiStats.retried - stats0.retried, gaveUp: h.adapter.apiStats.gaveUp - stats0.gaveUp };
    expect(stats).toEqual({ rateLimited: 2, retried: 5, gaveUp: 0 });
    expect(elapsed).toBeGreaterThanOrEqual(2000); // the two Retry-After seconds were honoured
    figures("transient faults in one case", { faults: f.summary(served), ...stats, elapsedMs: elapsed });
  }, 40_000);
});

describe("a burst under faults: 20 scam links by 20 members, each delivered twice, faults on the actions' calls", () => {
  const seed = exampleWorkspace();
  const members = Array.from({ length: 20 }, (_, i) => `UMEM${String(i).padStart(5, "0")}`);
  seed.users.push(...members.map((id, i) => ({ id, name: `member${i}` })));
  seed.channels.find((c) => c.id === "CHELP0001")!.members.push(...members);
  const h = new SlackHarness({ userToken: "xoxp-fake-admin", seed, api: API });
  beforeAll(() => h.start(), 60_000);
  afterAll(() => h.stop());

  it("every case once, every delete and removal once, no post twice; nothing lost", async () => {
    // On each method the actions use (performed one after another): two faults in a row at most, then
    // a clean answer, so no call meets more than its 3 retries allow. (The users.info lookups run
    // concurrently and are left alone: a shared queue of faults would pile up on one of them.)
    const cycle: Fault[] = [{ status: 429, retryAfter: 0 }, { status: 503 }, { delayMs: 0 }, { status: 500 }, { delayMs: 200 }, { delayMs: 0 }];
    for (const method of ["chat.delete", "conversations.kick", "chat.postMessage", "chat.postEphemeral"]) for (let i = 0; i < 10; i++) for (const f of cycle) h.fake.faults.inject(method, f);
    const served = h.fake.faults.served.length;
    const stats0 = { ...h.adapter.apiStats };
    const since = h.fake.calls.length;
    const started = Date.now();
    const posted = members.map((m) => h.fake.post("CHELP0001", m, SCAM));
    for (const m of posted) {
      const body = eventBody(TEAM, { type: "message", channel: "CHELP0001", channel_type: "channel", user: m.user, text: SCAM, ts: m.ts, event_ts: m.ts, team: TEAM });
      expect((await deliver(h.eventsUrl, SECRET, body, "application/json")).status).toBe(200);
      expect((await deliver(h.eventsUrl, SECRET, body, "application/json", { headers: retryHeaders(1) })).status).toBe(200);
    }
    const decisions = await Promise.all(posted.map((m) => h.decisionOn(m.ts, 60_000)));
    const elapsed = Date.now() - started;
    h.fake.faults.clear();
    for (const m of posted) expect(h.decisions.filter((d) => d.message === m.ts)).toHaveLength(1);
    for (const d of decisions) expect(d.outcomes.filter((o) => o.status !== "done" && o.status !== "unsupported")).toEqual([]);
    const ok = (method: string) => h.fake.callsTo(method, since).filter((c) => c.answer.ok);
    expect(ok("chat.delete").map((c) => c.args.ts).sort()).toEqual(posted.map((m) => m.ts).sort());
    expect(ok("conversations.kick").map((c) => c.args.user).sort()).toEqual([...members].sort());
    expect(h.fake.messages.filter((m) => posted.some((p) => p.ts === m.ts))).toEqual([]);
    const modLog = h.fake.messages.filter((m) => m.channel === "CMODLOG01").map((m) => m.text);
    expect(modLog).toHaveLength(20);
    expect(new Set(modLog).size).toBe(modLog.length);
    const a = h.adapter.apiStats;
    const figuresOut = { events: 20, deliveries: 40, repeatsDropped: h.adapter.seenEvents.dropped, faults: h.fake.faults.summary(served), rateLimited: a.rateLimited - stats0.rateLimited, retried: a.retried - stats0.retried, gaveUp: a.gaveUp - stats0.gaveUp, effectiveCalls: h.fake.calls.length - since, elapsedMs: elapsed };
    expect(figuresOut.gaveUp).toBe(0);
    expect(figuresOut.repeatsDropped).toBe(20);
    figures("burst under faults", figuresOut);
  }, 90_000);
});

describe("faults that outlast the retries, and Slack's refusals", () => {
  const h = new SlackHarness({ userToken: "xoxp-fake-admin", api: API });
  beforeAll(() => h.start(), 60_000);
  afterAll(() => h.stop());
  const del = (message: string): Action => ({ kind: "deleteMessage", community: TEAM, channel: "CHELP0001", message, reason: "test" });

  it("a 429 on every attempt: failed, retryable, after 4 attempts that each waited Retry-After; the message stays", async () => {
    const m = h.fake.post("CHELP0001", "UBEN00001", "spam");
    h.fake.faults.inject("chat.delete", { status: 429, retryAfter: 0 }, 10);
    const served = h.fake.faults.served.length;
    const started = Date.now();
    const o = await h.adapter.perform(del(m.ts));
    h.fake.faults.clear();
    expect(o).toMatchObject({ status: "failed", retryable: true });
    expect(o.status !== "done" && o.detail).toMatch(/rate limited \(HTTP 429, Retry-After 0 s\) after 4 attempts/);
    expect(h.fake.faults.served.length - served).toBe(4);
    expect(h.fake.messages.some((x) => x.ts === m.ts)).toBe(true);
    figures("429 outlasting 3 retries", { faults: h.fake.faults.summary(served), elapsedMs: Date.now() - started, outcome: o });
  });

  it("503 on every attempt: failed, retryable; once Slack is back the same action is done once", async () => {
    const m = h.fake.post("CHELP0001", "UBEN00001", "spam");
    h.fake.faults.inject("chat.delete", { status: 503 }, 4);
    const o = await h.adapter.perform(del(m.ts));
    expect(o).toMatchObject({ status: "failed", retryable: true, detail: "Slack: HTTP 503 after 4 attempts" });
    const since = h.fake.calls.length;
    expect(await h.adapter.perform(del(m.ts))).toMatchObject({ status: "done" });
    expect(h.fake.callsTo("chat.delete", since)).toHaveLength(1);
  });

  it("a delete whose answer comes too late is sent again and finds the message gone: done, deleted once", async () => {
    const m = h.fake.post("CHELP0001", "UBEN00001", "spam");
    h.fake.faults.inject("chat.delete", { delayMs: 1500 });
    const since = h.fake.calls.length;
    const o = await h.adapter.perform(del(m.ts));
    expect(o).toMatchObject({ status: "done", detail: "the message was already gone" });
    expect(h.fake.callsTo("chat.delete", since).map((c) => c.answer.ok)).toEqual([true, false]);
  });

  it("a post whose answer comes too late is not posted again: failed, not retryable, one message in Slack", async () => {
    h.fake.faults.inject("chat.postMessage", { delayMs: 1500 });
    const since = h.fake.calls.length;
    const before = h.fake.messages.filter((x) => x.channel === "CMODLOG01").length;
    const o = await h.adapter.perform({ kind: "alertModerators", community: TEAM, text: "slow alert", reason: "test" });
    expect(o).toMatchObject({ status: "failed", retryable: false });
    expect(o.status !== "done" && o.detail).toMatch(/may have posted all the same/);
    expect(h.fake.callsTo("chat.postMessage", since)).toHaveLength(1);
    expect(h.fake.messages.filter((x) => x.channel === "CMODLOG01").length - before).toBe(1);
  });

  it("a refusal (ok: false) is not retried: refused, one call", async () => {
    const since = h.fake.calls.length;
    const o = await h.adapter.perform({ kind: "removeFromChannel", community: TEAM, member: "UOWN00001", channel: "CHELP0001", reason: "test" });
    expect(o).toMatchObject({ status: "refused" });
    expect(o.status !== "done" && o.detail).toMatch(/not_in_channel/);
    expect(h.fake.callsTo("conversations.kick", since)).toHaveLength(1);
  });
});

describe("Socket Mode connections dropped by Slack", () => {
  const h = new SlackHarness({ socket: true, socketPingTimeoutMs: 300, api: API });
  beforeAll(() => h.start(), 60_000);
  afterAll(() => h.stop());
  const envelope = (ts: string, id: string, user = "UBEN00001") => ({ team_id: TEAM, api_app_id: "ASTEWARD1", type: "event_callback", event_id: id, event_time: 1, event: { type: "message", channel: "CHELP0001", channel_type: "channel", user, text: SCAM, ts } });

  it("an envelope sent while the connection is down arrives once Bolt has reconnected, and is handled once", async () => {
    const opened = h.fake.callsTo("apps.connections.open").length;
    const started = Date.now();
    expect(h.fake.dropSockets()).toBe(1);
    const m = h.fake.post("CHELP0001", "UBEN00001", SCAM);
    await h.fake.sendEnvelope("events_api", envelope(m.ts, "EvDrop1"), 15_000);
    const d = await h.decisionOn(m.ts, 10_000);
    const reconnectMs = Date.now() - started;
    expect(d.outcomes[0]).toMatchObject({ action: "delete", status: "unsupported" });
    expect(h.fake.callsTo("apps.connections.open").length - opened).toBe(1);
    expect(h.fake.socketConnections).toBe(1);
    expect(h.decisions.filter((x) => x.message === m.ts)).toHaveLength(1);
    figures("socket dropped, envelope sent during the outage", { drops: 1, reconnectedAndHandledMs: reconnectMs });
  }, 30_000);

  it("an ack lost with the connection: Slack sends the envelope again after the reconnection; one case, one set of actions", async () => {
    // Cleo this time: Ben was removed from #help by the case above.
    const m = h.fake.post("CHELP0001", "UCLEO0001", SCAM);
    const since = h.fake.calls.length;
    const events = h.pipeline.stats.events;
    const redelivered = h.fake.redelivered;
    h.fake.loseNextAck = true;
    await h.fake.sendEnvelope("events_api", envelope(m.ts, "EvDrop2", "UCLEO0001"), 15_000);
    await h.decisionOn(m.ts, 10_000);
    await new Promise((r) => setTimeout(r, 300));
    await h.pipeline.flush();
    expect(h.fake.redelivered - redelivered).toBe(1);
    expect(h.pipeline.stats.events - events).toBe(1);
    expect(h.decisions.filter((x) => x.message === m.ts)).toHaveLength(1);
    expect(h.fake.callsTo("conversations.kick", since).filter((c) => c.answer.ok)).toHaveLength(1);
    figures("ack lost, envelope redelivered", { redelivered: h.fake.redelivered - redelivered, duplicatesDropped: h.adapter.seenEvents.dropped, connections: h.fake.connectionsAccepted });
  }, 30_000);
});
