// GET /metrics (issue 9): what a Prometheus scrape sees after a few events through the real
// pipeline — events by type with their time histogram, actions by kind and outcome, writes
// waiting for the database, process figures; GET and HEAD only.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import path from "node:path";
import { HttpServer } from "../../src/http/server.js";
import { StewardMetrics } from "../../src/http/metrics.js";
import { Pipeline } from "../../src/core/pipeline.js";
import { stewardEvent } from "../../src/core/events.js";
import { ReplayAdapter } from "../../src/platforms/replay/adapter.js";
import { MemoryPersistence } from "../../src/core/memory-persistence.js";
import { SettingsProvider } from "../../src/config/settings.js";
import { GuidelineLibrary } from "../../src/guidelines/library.js";
import { silentLogger } from "../../src/log.js";

const logger = { debug() {}, info() {}, warn() {}, error() {} };

describe("/metrics", () => {
  let pipeline: Pipeline;
  let server: HttpServer;
  let base = "";

  beforeAll(async () => {
    const metrics = new StewardMetrics(() => pipeline.pendingWrites());
    pipeline = new Pipeline({
      adapter: new ReplayAdapter(), persistence: new MemoryPersistence(), settings: new SettingsProvider(),
      library: await GuidelineLibrary.load(path.resolve("test/fixtures/rules")), logger: silentLogger, observer: metrics,
      flushEvery: { writes: 1_000_000, ms: 3_600_000 },
    });
    server = new HttpServer({ logger, routes: [metrics.route()] });
    base = `http://127.0.0.1:${await server.listen(0, "127.0.0.1")}`;
    const events = [
      { type: "member.joined", member: { id: "u1", roles: [] } },
      { type: "message.created", channel: "general", message: { id: "m1", author: "u1", text: "hello" } },
      { type: "message.created", channel: "general", message: { id: "m2", author: "u1", text: "you idiot" } },
      { type: "message.created", channel: "general", message: { id: "m3", author: "u1", text: "sorry" } },
    ];
    for (const [i, e] of events.entries()) await pipeline.handle(stewardEvent.parse({ community: "acme", at: new Date(Date.parse("2026-11-01T10:00:00Z") + i * 60_000).toISOString(), ...e }));
  });
  afterAll(() => server.close());

  it("counts events and actions, times events, and shows the writes not yet flushed", async () => {
    const res = await fetch(`${base}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await res.text();
    expect(text).toContain('steward_events_total{type="message.created"} 3');
    expect(text).toContain('steward_events_total{type="member.joined"} 1');
    // "you idiot": the fixture rule deletes and warns.
    expect(text).toContain('steward_actions_total{kind="deleteMessage",status="done"} 1');
    expect(text).toContain('steward_actions_total{kind="warn",status="done"} 1');
    expect(text).toContain('steward_event_seconds_count{type="message.created"} 3');
    expect(text).toMatch(/steward_event_seconds_bucket\{le="\+Inf",type="message\.created"\} 3/);
    const pending = Number(/^steward_pending_writes (\d+)$/m.exec(text)?.[1]);
    expect(pending).toBeGreaterThan(0);
    expect(text).toMatch(/^steward_process_resident_memory_bytes \d+/m);

    await pipeline.flush();
    expect(await (await fetch(`${base}/metrics`)).text()).toMatch(/^steward_pending_writes 0$/m);
  });

  it("answers GET and HEAD only", async () => {
    expect((await fetch(`${base}/metrics`, { method: "POST", body: "x" })).status).toBe(405);
    const head = await fetch(`${base}/metrics`, { method: "HEAD" });
    expect([head.status, await head.text()]).toEqual([200, ""]);
  });
});
