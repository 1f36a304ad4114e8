// GET /metrics in Prometheus' text format: events handled (rate() gives events/s) with the time
// each took, actions by kind and outcome, writes waiting for the next flush, and the process's
// own figures (memory, CPU, event-loop lag), and the outbox's depth. prom-client writes the exposition format.
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";
import type { PipelineObserver } from "../core/observer.js";
import type { Route } from "./server.js";

export class StewardMetrics implements PipelineObserver {
  readonly registry = new Registry();
  private readonly events: Counter<"type">;
  private readonly latency: Histogram<"type">;
  private readonly actions: Counter<"kind" | "status">;

  /**
   * @param pendingWrites writes waiting for the next flush (the pipeline's pendingWrites)
   * @param outboxDepth actions stored and not yet done, and cases waiting for theirs (the pipeline's outboxDepth)
   */
  constructor(pendingWrites: () => number, opts: { processMetrics?: boolean; outboxDepth?: () => number } = {}) {
    this.events = new Counter({ name: "steward_events_total", help: "Events handled, by type", labelNames: ["type"], registers: [this.registry] });
    this.latency = new Histogram({
      name: "steward_event_seconds",
      help: "Time from an event's arrival to its decision and actions done, by type",
      labelNames: ["type"],
      buckets: [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers: [this.registry],
    });
    this.actions = new Counter({ name: "steward_actions_total", help: "Actions performed, by kind and outcome", labelNames: ["kind", "status"], registers: [this.registry] });
    new Gauge({ name: "steward_pending_writes", help: "Writes waiting for the next flush to the database", registers: [this.registry], collect() { this.set(pendingWrites()); } });
    const depth = opts.outboxDepth;
    if (depth) new Gauge({ name: "steward_outbox_depth", help: "Actions stored and not yet done, and cases waiting for theirs (outbox)", registers: [this.registry], collect() { this.set(depth()); } });
    if (opts.processMetrics !== false) collectDefaultMetrics({ register: this.registry, prefix: "steward_" });
  }

  event(type: string, seconds: number): void {
    this.events.inc({ type });
    this.latency.observe({ type }, seconds);
  }

  action(kind: string, status: string): void {
    this.actions.inc({ kind, status });
  }

  route(): Route {
    return {
      method: "GET",
      path: "/metrics",
      handle: async (_r, res) => {
        const body = Buffer.from(await this.registry.metrics(), "utf8");
        res.writeHead(200, { "content-type": this.registry.contentType, "content-length": String(body.length), "cache-control": "no-store" });
        res.end(res.req.method === "HEAD" ? undefined : body);
      },
    };
  }
}
