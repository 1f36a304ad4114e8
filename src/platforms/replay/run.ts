// `steward replay`: runs the whole pipeline over a JSONL event log, with the event times as
// the clock. The replay platform records actions instead of calling an API.
import { stat } from "node:fs/promises";
import type { Writable } from "node:stream";
import { Pipeline, type DecisionRecord, type OutboxMode } from "../../core/pipeline.js";
import type { Persistence } from "../../core/persistence.js";
import type { SettingsProvider } from "../../config/settings.js";
import type { GuidelineLibrary } from "../../guidelines/library.js";
import type { Logger } from "../../log.js";
import { ReplayAdapter } from "./adapter.js";
import { readEventLog } from "./reader.js";
import { decisionJson, decisionLine, onboardingJson, onboardingLine } from "./print.js";
import type { CustomerDirectory } from "../../onboarding/customers.js";

export interface ReplayOptions {
  file: string;
  library: GuidelineLibrary;
  settings: SettingsProvider;
  persistence: Persistence;
  /** The customer list screening verifies against (the store's). */
  customers?: CustomerDirectory;
  logger: Logger;
  json?: boolean;
  out: Writable;
  err: Writable;
  /** Print progress every this many lines, once the file has more than that (default 10,000). */
  progressEvery?: number;
  /** Called for each decision (tests, backtests); printing still happens unless `quiet`. */
  onDecision?: (d: DecisionRecord) => void;
  quiet?: boolean;
  /** Stops reading (e.g. on Ctrl-C); what was read is still flushed to the store. */
  signal?: AbortSignal;
  /** Performs the actions (default: a ReplayAdapter that records them). */
  adapter?: ReplayAdapter;
  /** Store actions in an outbox before performing them (exactly-once across crashes, with `resume`). */
  outbox?: OutboxMode;
  /**
   * Crash-safe run: every flush records the last line handled (under `source`), and lines up to
   * `after` — what an earlier, interrupted run of the same log already wrote — are skipped.
   */
  resume?: { source: string; after: number };
}

export interface ReplaySummary {
  lines: number;
  events: number;
  decisions: number;
  actions: number;
  failedActions: number;
  skipped: { line: number; reason: string }[];
  seconds: number;
  /** True when the run was stopped before the end of the file. */
  interrupted: boolean;
  adapter: ReplayAdapter;
}

export async function runReplay(o: ReplayOptions): Promise<ReplaySummary> {
  const started = performance.now();
  const size = (await stat(o.file)).size;
  const adapter = o.adapter ?? new ReplayAdapter();
  const pipeline = new Pipeline({
    adapter,
    ...(o.outbox ? { outbox: o.outbox } : {}),
    ...(o.resume ? { checkpointSource: o.resume.source } : {}),
    persistence: o.persistence,
    settings: o.settings,
    library: o.library,
    logger: o.logger,
    ...(o.customers ? { customers: o.customers } : {}),
    onOnboarding: (r) => {
      if (!o.quiet) o.out.write((o.json ? onboardingJson(r) : onboardingLine(r)) + "\n");
    },
    onDecision: (d) => {
      o.onDecision?.(d);
      if (!o.quiet) o.out.write((o.json ? decisionJson(d) : decisionLine(d)) + "\n");
    },
  });
  const skipped: ReplaySummary["skipped"] = [];
  const every = o.progressEvery ?? 10_000;
  let lines = 0;
  let interrupted = false;
  // What the interrupted run left in the outbox is performed first; its later lines are handled again.
  await pipeline.resumeOutbox();
  const after = o.resume?.after ?? 0;
  if (after > 0) o.err.write(`replay: resuming after line ${after.toLocaleString("en")} (written by an earlier run)\n`);
  for await (const item of readEventLog(o.file)) {
    if (o.signal?.aborted) {
      interrupted = true;
      break;
    }
    lines = item.line;
    if (item.line <= after) continue;
    if ("error" in item) {
      skipped.push({ line: item.line, reason: item.error });
      o.err.write(`${o.file}:${item.line}: skipped: ${item.error}\n`);
      continue;
    }
    await pipeline.handle(item.event, { line: item.line });
    if (item.line % every === 0) {
      const rate = Math.round(pipeline.stats.events / ((performance.now() - started) / 1000));
      o.err.write(`replay: ${item.line.toLocaleString("en")} lines, ${pipeline.stats.decisions} decisions, ${rate.toLocaleString("en")} events/s (${o.file}, ${(size / 1e6).toFixed(1)} MB)\n`);
    }
  }
  await pipeline.drain();
  const seconds = (performance.now() - started) / 1000;
  return { lines, events: pipeline.stats.events, decisions: pipeline.stats.decisions, actions: pipeline.stats.actions, failedActions: pipeline.stats.failedActions, skipped, seconds, interrupted, adapter };
}

export function formatSummary(s: ReplaySummary): string {
  const rate = s.seconds > 0 ? Math.round(s.events / s.seconds) : s.events;
  return `replay ${s.interrupted ? `interrupted after line ${s.lines}` : "done"}: ${s.events} events, ${s.decisions} decisions, ${s.actions} actions${s.failedActions ? ` (${s.failedActions} not done)` : ""}, ${s.skipped.length} skipped line(s) in ${s.seconds.toFixed(2)}s (${rate.toLocaleString("en")} events/s)`;
}
