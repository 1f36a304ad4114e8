/**
 * Slack has no idempotency key for posts: a keyed action's message carries its key in Slack message
 * metadata, and when the outbox says the action may have been tried before (a retry, or a key a crash
 * left pending) the adapter reads the conversation first and does not post what is already there.
 * Through the real @slack/web-api (and Bolt, for the case) against the fake Slack, whose faults
 * perform a post and then lose its answer (a 503, a dropped connection, a late answer). Figures printed.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Action } from "../../src/core/actions.js";
import { Outbox } from "../../src/core/outbox/outbox.js";
import { MemoryOutboxStore } from "../../src/core/outbox/store.js";
import { Pipeline, type DecisionRecord } from "../../src/core/pipeline.js";
import { HttpServer, healthRoute } from "../../src/http/index.js";
import { GuidelineLibrary, defaultRulesDir } from "../../src/guidelines/library.js";
import { openMemoryStore, type Store } from "../../src/store/index.js";
import { PrismaPersistence } from "../../src/store/pipeline-writer.js";
import { SlackAdapter, SlackSettingsProvider } from "../../src/platforms/slack/index.js";
import { silentLogger } from "../../src/log.js";
import { BOT_SCOPES, FakeSlack, deliverEvent, exampleWorkspace, type Fault } from "../fake-slack/index.js";
import { SECRET, SlackHarness, TEAM } from "./harness.js";

const API = { retries: 3, minRetryMs: 50, timeoutMs: 800 };
const POLICY = { baseDelayMs: 20, maxDelayMs: 200 };
const figures = (label: string, f: Record<string, unknown>) => console.log(`[slack repeat posts] ${label}: ${JSON.stringify(f)}`);
const DM_BEN = "DBEN00001";
let keys = 0;
/** A 20-character key, as the outbox makes them. */
const newKey = () => `key${String(++keys).padStart(4, "0")}`.padEnd(20, "x");
const stored = (action: Action & { key: string }) => ({ community: TEAM, key: action.key, caseNumber: null, action, at: Date.now() });
const outboxFor = (h: SlackHarness, store = new MemoryOutboxStore()) => new Outbox({ store, attempt: (a, at) => h.adapter.perform(a, at), policy: POLICY });
const withKey = (h: SlackHarness, channel: string, key: string) => h.fake.messages.filter((m) => m.channel === channel && m.metadata?.event_payload.key === key);
const lookups = (h: SlackHarness, since: number, channel: string) => h.fake.callsTo("conversations.history", since).filter((c) => c.args.channel === channel);

describe("a warning DM whose post takes effect but whose answer is lost", () => {
  const h = new SlackHarness({ api: API });
  beforeAll(() => h.start(), 60_000);
  afterAll(() => h.stop());

  const lost: [string, Fault][] = [
    ["the connection dropped", { afterEffect: "drop" }],
    ["a 503 instead of the answer", { afterEffect: 503 }],
    ["the answer later than the client's timeout", { delayMs: 1500 }],
  ];
  it.each(lost)("%s: the outbox retries, the retry finds the message by its metadata, Ben gets it once", async (_label, fault) => {
    const key = newKey();
    const text = `Warning ${key}: please keep links to trusted sites.`;
    const action = { kind: "warn", community: TEAM, member: "UBEN00001", text, reason: "test", key } as const;
    h.fake.faults.inject("chat.postMessage", fault);
    const since = h.fake.calls.length;
    const started = Date.now();
    const r = await outboxFor(h).run(stored(action));
    expect(r).toMatchObject({ attempts: 2, outcome: { status: "done", detail: "already posted (recognised by its metadata)" } });
    const dms = h.fake.messages.filter((m) => m.channel === DM_BEN && m.text === text);
    expect(dms).toHaveLength(1);
    expect(dms[0]!.metadata).toEqual({ event_type: "steward_action", event_payload: { key } });
    expect(h.fake.callsTo("chat.postMessage", since)).toHaveLength(1);
    // The retry read the DM's latest messages, with their metadata.
    expect(lookups(h, since, DM_BEN).map((c) => c.args)).toEqual([expect.objectContaining({ limit: "50", include_all_metadata: "true" })]);
    figures(`warning DM, ${_label}`, { attempts: r.attempts, posts: 1, lookups: 1, elapsedMs: Date.now() - started });
  });

  it("a 503 before Slack performed the post: the retry looks, finds nothing, posts once", async () => {
    const key = newKey();
    const text = `Warning ${key}`;
    h.fake.faults.inject("chat.postMessage", { status: 503 });
    const since = h.fake.calls.length;
    const r = await outboxFor(h).run(stored({ kind: "warn", community: TEAM, member: "UBEN00001", text, reason: "test", key }));
    expect(r).toMatchObject({ attempts: 2, outcome: { status: "done" } });
    expect(r.outcome.status === "done" && r.outcome.detail).toBeFalsy();
    expect(withKey(h, DM_BEN, key).map((m) => m.text)).toEqual([text]);
    expect(lookups(h, since, DM_BEN)).toHaveLength(1);
  });

  it("without a key (no outbox) a post whose connection dropped is not sent again: failed, not retryable, one message", async () => {
    h.fake.faults.inject("chat.postMessage", { afterEffect: "drop" });
    const since = h.fake.calls.length;
    const o = await h.adapter.perform({ kind: "alertModerators", community: TEAM, text: "unkeyed alert", reason: "test" });
    expect(o).toMatchObject({ status: "failed", retryable: false });
    expect(o.status !== "done" && o.detail).toMatch(/connection to Slack was lost.*may have posted all the same/);
    expect(h.fake.callsTo("chat.postMessage", since)).toHaveLength(1);
    expect(h.fake.messages.filter((m) => m.text.includes("unkeyed alert"))).toHaveLength(1);
  });
});

describe("an action performed again with mayBeRepeat", () => {
  const h = new SlackHarness({ api: API });
  beforeAll(() => h.start(), 60_000);
  afterAll(() => h.stop());
  const alert = (key: string, text: string): Action => ({ kind: "alertModerators", community: TEAM, text, reason: "spam/links: test", caseNumber: 7, key });

  it("an alert already in #mod-log is not posted again; another key in the same channel is", async () => {
    const key = newKey();
    expect(await h.adapter.perform(alert(key, "first"), { number: 1, mayBeRepeat: false })).toEqual({ status: "done" });
    const since = h.fake.calls.length;
    expect(await h.adapter.perform(alert(key, "first"), { number: 1, mayBeRepeat: true })).toEqual({ status: "done", detail: "already posted (recognised by its metadata)" });
    expect(h.fake.callsTo("chat.postMessage", since)).toHaveLength(0);
    expect(withKey(h, "CMODLOG01", key)).toHaveLength(1);
    // A different key: looked for, not found, posted.
    const other = newKey();
    expect(await h.adapter.perform(alert(other, "second"), { number: 2, mayBeRepeat: true })).toEqual({ status: "done" });
    expect(withKey(h, "CMODLOG01", other)).toHaveLength(1);
    expect(lookups(h, since, "CMODLOG01")).toHaveLength(2);
  });

  it("a crash after the post, before the outcome was stored: resumed at start, recognised, not posted again", async () => {
    const key = newKey();
    const store = new MemoryOutboxStore();
    const action = alert(key, "left pending by a crash") as Action & { key: string };
    await store.put(stored(action)); // stored before it was performed …
    await h.adapter.perform(action); // … performed, then the process died before settling it
    const since = h.fake.calls.length;
    const outbox = outboxFor(h, store);
    expect(await outbox.resume()).toBe(1);
    expect([...store.entries.values()][0]).toMatchObject({ status: "done", outcome: { status: "done", detail: "already posted (recognised by its metadata)" } });
    expect(h.fake.callsTo("chat.postMessage", since)).toHaveLength(0);
    expect(withKey(h, "CMODLOG01", key)).toHaveLength(1);
  });

  it("a thread reply is looked for in its thread (conversations.replies)", async () => {
    const parent = h.fake.post("CHELP0001", "UBEN00001", "how do I reset my password?");
    const key = newKey();
    const reply: Action = { kind: "reply", community: TEAM, channel: "CHELP0001", replyTo: parent.ts, text: "See the pinned guide.", reason: "test", key };
    expect(await h.adapter.perform(reply, { number: 1, mayBeRepeat: true })).toEqual({ status: "done" });
    const since = h.fake.calls.length;
    expect(await h.adapter.perform(reply, { number: 2, mayBeRepeat: true })).toMatchObject({ status: "done", detail: "already posted (recognised by its metadata)" });
    expect(h.fake.callsTo("conversations.replies", since).map((c) => c.args.ts)).toEqual([parent.ts]);
    expect(h.fake.messages.filter((m) => m.thread_ts === parent.ts)).toHaveLength(1);
  });
});

describe("when the look-up fails, the post still happens", () => {
  const seed = exampleWorkspace();
  seed.tokens["xoxb-fake-bot"]!.scopes = BOT_SCOPES.filter((s) => s !== "im:history");
  const h = new SlackHarness({ api: API, seed });
  beforeAll(() => h.start(), 60_000);
  afterAll(() => h.stop());

  it("a repeated DM without im:history: posted, and the outcome says it was not checked and why", async () => {
    const key = newKey();
    const since = h.fake.calls.length;
    const o = await h.adapter.perform({ kind: "directMessage", community: TEAM, member: "UBEN00001", text: "Welcome!", reason: "test", key }, { number: 2, mayBeRepeat: true });
    expect(o.status).toBe("done");
    expect(o.status === "done" && o.detail).toMatch(/^posted without checking for an earlier post \(the check failed: Slack: missing_scope: the token needs the im:history scope.*\), so it may appear twice$/);
    expect(lookups(h, since, DM_BEN).map((c) => c.answer.error)).toEqual(["missing_scope"]);
    expect(withKey(h, DM_BEN, key)).toHaveLength(1);
  });

  it("a look-up rate limited past its retries: the alert is posted all the same", async () => {
    const key = newKey();
    h.fake.faults.inject("conversations.history", { status: 429, retryAfter: 0 }, 4);
    const o = await h.adapter.perform({ kind: "alertModerators", community: TEAM, text: "rate limited look-up", reason: "test", key }, { number: 2, mayBeRepeat: true });
    expect(h.fake.faults.pending).toBe(0);
    expect(o.status === "done" && o.detail).toMatch(/posted without checking for an earlier post \(the check failed: .*rate limit.*\)/i);
    expect(withKey(h, "CMODLOG01", key)).toHaveLength(1);
  });
});

describe("a scam link's case through Bolt and the pipeline with an outbox: a mod-log post whose answer is lost", () => {
  const fake = new FakeSlack();
  let store: Store;
  let server: HttpServer;
  let adapter: SlackAdapter;
  let pipeline: Pipeline;
  const decisions: DecisionRecord[] = [];
  const outboxStore = new MemoryOutboxStore();

  beforeAll(async () => {
    await fake.start();
    store = await openMemoryStore();
    server = new HttpServer({ routes: [healthRoute()], logger: silentLogger });
    await server.listen(0, "127.0.0.1");
    const library = await GuidelineLibrary.load(defaultRulesDir());
    const settings = new SlackSettingsProvider(new Map());
    await library.prepare(settings.all());
    adapter = new SlackAdapter({ botToken: "xoxb-fake-bot", signingSecret: SECRET, http: server, apiUrl: fake.apiUrl, api: API, logger: silentLogger, communitySettings: (c) => settings.get(c) });
    pipeline = new Pipeline({ adapter, persistence: new PrismaPersistence(store.prisma), settings, library, logger: silentLogger, onDecision: (d) => decisions.push(d), outbox: { store: outboxStore, policy: POLICY } });
    await adapter.start((e) => pipeline.handle(e));
  }, 60_000);
  afterAll(async () => {
    await adapter?.stop();
    await pipeline?.flush();
    await server?.close(100);
    await store?.close();
    await fake.stop();
  });

  it("every mod-log post of the case appears once; the lost one is recognised on the outbox's retry", async () => {
    fake.faults.inject("chat.postMessage", { afterEffect: "drop" });
    const since = fake.calls.length;
    const started = Date.now();
    const m = fake.post("CHELP0001", "UBEN00001", "claim free nitro at https://dlscord-gift.xyz/nitro");
    const r = await deliverEvent(`http://127.0.0.1:${server.port}/slack/events`, SECRET, TEAM, { type: "message", channel: "CHELP0001", channel_type: "channel", user: "UBEN00001", text: m.text, ts: m.ts, event_ts: m.ts, team: TEAM });
    expect(r.status).toBe(200);
    const deadline = Date.now() + 15_000;
    while (!decisions.some((d) => d.message === m.ts) && Date.now() < deadline) await new Promise((res) => setTimeout(res, 20));
    const d = decisions.find((x) => x.message === m.ts)!;
    expect(d).toBeDefined();
    expect(fake.faults.pending).toBe(0);
    expect(d.outcomes.filter((o) => o.status === "failed" || o.status === "pending")).toEqual([]);
    // The first post in #mod-log (the alert standing in for the delete) lost its answer; its retry found it.
    expect(d.outcomes.filter((o) => o.detail?.includes("already posted (recognised by its metadata)")).map((o) => o.action)).toEqual(["alert"]);
    // Every post of the case (two in #mod-log, the warning by DM: Ben was removed from #help first) once, each with its own key.
    const posts = fake.messages.filter((x) => x.channel === "CMODLOG01" || x.channel === DM_BEN);
    const keysPosted = posts.map((x) => x.metadata?.event_payload.key);
    expect(keysPosted.every((k) => typeof k === "string" && k.length === 20)).toBe(true);
    expect(new Set(keysPosted).size).toBe(posts.length);
    expect(posts.map((x) => x.channel).sort()).toEqual(["CMODLOG01", "CMODLOG01", DM_BEN]);
    expect(fake.callsTo("chat.postMessage", since)).toHaveLength(posts.length);
    expect(outboxStore.entries.size).toBeGreaterThan(0);
    figures("scam case with a lost mod-log answer", { outcomes: d.outcomes.map((o) => `${o.action}: ${o.status}`), posts: posts.length, lookups: fake.callsTo("conversations.history", since).length, elapsedMs: Date.now() - started });
  }, 30_000);
});
