// Quality next to the peers, for the README table: precision/recall/F1 of bad-words, obscenity
// and Steward on OLID (offensive = OFF; also recall on insults aimed at a person, IND) and on
// YouTube comments (spam), judged in the same run. Steward's row counts a hit of any guideline
// (or of the given ones), each message judged out of context like `steward eval`.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import type { GuidelineSet } from "../../src/guidelines/api.js";
import { contextInputs } from "../../src/guidelines/testing/context.js";
import { Tally, type Scores } from "../../src/guidelines/eval/metrics.js";

export interface BaselineRow {
  name: string;
  scores: Scores;
  /** OLID only: share of insults aimed at a person (target_type IND) flagged. */
  indRecall?: number;
}

export interface BaselineTable {
  dataset: string;
  rows: number;
  positive: string;
  results: BaselineRow[];
}

interface Row {
  text: string;
  label: string;
  target_type?: string | null;
}

export type Detector = (text: string) => boolean;

function read(file: string): Row[] {
  return readFileSync(file, "utf8")
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Row);
}

/** Whether `set` hits any guideline (or any of `guidelines`) on the text, judged out of context. */
export function guidelineDetector(set: GuidelineSet, guidelines?: readonly string[]): Detector {
  const ids = guidelines ? new Set(guidelines) : null;
  return (text) => set.evaluate(contextInputs(text).at(-1)!).some((h) => !ids || ids.has(h.guideline.id));
}

function score(rows: readonly Row[], isPositive: (r: Row) => boolean, detect: Detector, name: string, withInd: boolean): BaselineRow {
  const t = new Tally();
  let ind = 0;
  let indFound = 0;
  for (const r of rows) {
    const flagged = detect(r.text);
    t.add(flagged, isPositive(r));
    if (withInd && r.target_type === "IND") {
      ind++;
      if (flagged) indFound++;
    }
  }
  const row: BaselineRow = { name, scores: t.scores() };
  if (withInd) row.indRecall = ind ? Math.round((indFound / ind) * 10_000) / 10_000 : 0;
  return row;
}

export interface BaselineOptions {
  corporaDir: string;
  detectors: { name: string; olid: Detector; youtube: Detector }[];
}

/** Both tables, or none when the corpora are absent. */
export function runBaselineEval(options: BaselineOptions): BaselineTable[] {
  const olidFile = path.join(options.corporaDir, "olid-train.jsonl");
  const ytFile = path.join(options.corporaDir, "youtube-spam-dev.jsonl");
  const tables: BaselineTable[] = [];
  if (existsSync(olidFile)) {
    const rows = read(olidFile);
    tables.push({
      dataset: "OLID v1.0 training set",
      rows: rows.length,
      positive: "OFF",
      results: options.detectors.map((d) => score(rows, (r) => r.label === "OFF", d.olid, d.name, true)),
    });
  }
  if (existsSync(ytFile)) {
    const rows = read(ytFile);
    tables.push({
      dataset: "YouTube Spam Collection (videos 01–03)",
      rows: rows.length,
      positive: "spam",
      results: options.detectors.map((d) => score(rows, (r) => r.label === "spam", d.youtube, d.name, false)),
    });
  }
  return tables;
}

export function formatBaselineTables(tables: readonly BaselineTable[]): string {
  const out: string[] = [];
  for (const t of tables) {
    out.push(`${t.dataset} (${t.rows.toLocaleString("en-US")} messages, positive: ${t.positive})`);
    out.push(`  ${"".padEnd(34)} precision  recall     f1${t.results.some((r) => r.indRecall !== undefined) ? "  IND recall" : ""}`);
    for (const r of t.results) {
      const s = r.scores;
      out.push(`  ${r.name.padEnd(34)} ${s.precision.toFixed(3).padStart(9)}  ${s.recall.toFixed(3).padStart(6)}  ${s.f1.toFixed(3).padStart(5)}${r.indRecall !== undefined ? r.indRecall.toFixed(3).padStart(12) : ""}`);
    }
    out.push("");
  }
  return out.join("\n").trimEnd();
}
