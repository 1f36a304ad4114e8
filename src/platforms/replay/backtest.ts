// Backtest: the same history through two rule sets, acting on nothing and storing nothing.
// Decisions are compared line by line; each rule's hits are counted in both runs.
import type { Writable } from "node:stream";
import { PassThrough } from "node:stream";
import type { SettingsProvider } from "../../config/settings.js";
import type { GuidelineLibrary } from "../../guidelines/library.js";
import type { DecisionRecord } from "../../core/pipeline.js";
import { MemoryPersistence } from "../../core/memory-persistence.js";
import { silentLogger } from "../../log.js";
import { runReplay } from "./run.js";

export interface BacktestSample {
  line: number;
  member: string;
  before: string | null;
  after: string | null;
  matched: string[];
}

export interface BacktestResult {
  events: number;
  skippedLines: number;
  rules: { rule: string; before: number; after: number }[];
  added: BacktestSample[];
  removed: BacktestSample[];
  changed: BacktestSample[];
}

const label = (d: DecisionRecord) => `${d.guideline}/${d.rule} → ${d.actions.join(", ") || d.status}`;

async function decisions(file: string, library: GuidelineLibrary, settings: SettingsProvider, err: Writable) {
  await library.prepare(settings.all());
  const out = new Map<number, DecisionRecord>();
  const summary = await runReplay({
    file,
    library,
    settings,
    persistence: new MemoryPersistence(),
    logger: silentLogger,
    out: new PassThrough(),
    err,
    quiet: true,
    onDecision: (d) => out.set(d.line ?? -1, d),
  });
  return { out, summary };
}

export async function runBacktest(o: { file: string; next: GuidelineLibrary; prev: GuidelineLibrary; settings: SettingsProvider; err: Writable }): Promise<BacktestResult> {
  const quietErr = new PassThrough();
  const before = await decisions(o.file, o.prev, o.settings, quietErr);
  const after = await decisions(o.file, o.next, o.settings, o.err);
  const counts = new Map<string, { before: number; after: number }>();
  const bump = (d: DecisionRecord, which: "before" | "after") => {
    for (const r of [`${d.guideline}/${d.rule}`, ...d.also]) {
      const c = counts.get(r) ?? { before: 0, after: 0 };
      c[which]++;
      counts.set(r, c);
    }
  };
  before.out.forEach((d) => bump(d, "before"));
  after.out.forEach((d) => bump(d, "after"));
  const added: BacktestSample[] = [];
  const removed: BacktestSample[] = [];
  const changed: BacktestSample[] = [];
  const lines = new Set([...before.out.keys(), ...after.out.keys()]);
  for (const line of [...lines].sort((a, b) => a - b)) {
    const b = before.out.get(line);
    const a = after.out.get(line);
    const sample = { line, member: (a ?? b)!.member, before: b ? label(b) : null, after: a ? label(a) : null, matched: (a ?? b)!.matched };
    if (!b) added.push(sample);
    else if (!a) removed.push(sample);
    else if (sample.before !== sample.after) changed.push(sample);
  }
  return {
    events: after.summary.events,
    skippedLines: after.summary.skipped.length,
    rules: [...counts].map(([rule, c]) => ({ rule, ...c })).sort((x, y) => y.after - x.after || x.rule.localeCompare(y.rule)),
    added,
    removed,
    changed,
  };
}

export function formatBacktest(r: BacktestResult, samples: number): string {
  const lines: string[] = [];
  lines.push(`backtest over ${r.events} events (${r.skippedLines} skipped line(s))`, "", "rule hits (before → after):");
  const width = Math.max(10, ...r.rules.map((x) => x.rule.length));
  for (const x of r.rules) {
    const delta = x.after - x.before;
    lines.push(`  ${x.rule.padEnd(width)}  ${String(x.before).padStart(5)} → ${String(x.after).padEnd(5)} ${delta ? (delta > 0 ? `+${delta}` : String(delta)) : ""}`);
  }
  const section = (title: string, list: BacktestSample[]) => {
    lines.push("", `${title}: ${list.length}`);
    for (const s of list.slice(0, samples)) {
      lines.push(`  line ${s.line} (${s.member}): ${s.before ?? "no decision"}  ⇒  ${s.after ?? "no decision"}${s.matched.length ? `  matched ${s.matched.slice(0, 2).map((m) => JSON.stringify(m)).join(", ")}` : ""}`);
    }
  };
  section("new decisions", r.added);
  section("decisions no longer made", r.removed);
  section("decisions that changed", r.changed);
  return lines.join("\n") + "\n";
}
