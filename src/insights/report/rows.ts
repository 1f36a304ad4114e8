// The monthly report's headline figures: one row per KPI with this month, last month and the
// change, shared by the Markdown, HTML and CSV renderings.
import type { Kpis } from "../kpis/types.js";
import { mins, pct } from "../format.js";

export type Unit = "count" | "ratio" | "percent" | "minutes" | "decimal";

export interface KpiRow {
  key: string;
  label: string;
  unit: Unit;
  value: number | null;
  previous: number | null;
  /** Relative change in percent (counts, minutes, decimals) or the difference in points (ratios, percents); null without both. */
  change: number | null;
  /** Whether a rise is good news (response times: no). */
  higherIsBetter: boolean;
}

const DEFS: { key: keyof Kpis & string; label: string; unit: Unit; higherIsBetter?: boolean }[] = [
  { key: "membersEnd", label: "Members at month end", unit: "count" },
  { key: "joined", label: "Joined", unit: "count" },
  { key: "left", label: "Left", unit: "count", higherIsBetter: false },
  { key: "netGrowthPct", label: "Net growth", unit: "percent" },
  { key: "activeMembers", label: "Active members", unit: "count" },
  { key: "engagementRate", label: "Engagement rate", unit: "ratio" },
  { key: "dauMauRatio", label: "DAU/MAU", unit: "ratio" },
  { key: "messages", label: "Messages", unit: "count" },
  { key: "messagesPerActiveMember", label: "Messages per active member", unit: "decimal" },
  { key: "newMemberActivation", label: "New member activation", unit: "ratio" },
  { key: "retention", label: "Retention of last month's joiners", unit: "ratio" },
  { key: "questionsAsked", label: "Questions asked", unit: "count" },
  { key: "firstResponseMedianMinutes", label: "First response, median", unit: "minutes", higherIsBetter: false },
  { key: "firstResponseP90Minutes", label: "First response, 90th percentile", unit: "minutes", higherIsBetter: false },
  { key: "unansweredQuestions", label: "Unanswered questions", unit: "count", higherIsBetter: false },
];

export function kpiRows(k: Kpis, before: Kpis): KpiRow[] {
  const rows: KpiRow[] = DEFS.map((d) => {
    const value = k[d.key] as number | null;
    const previous = before[d.key] as number | null;
    return { key: d.key, label: d.label, unit: d.unit, value, previous, change: change(d.unit, value, previous), higherIsBetter: d.higherIsBetter ?? true };
  });
  const extra = (key: string, label: string, value: number, previous: number, higherIsBetter = true): KpiRow => ({
    key, label, unit: "count", value, previous, change: change("count", value, previous), higherIsBetter,
  });
  rows.push(extra("moderation.cases", "Moderation cases", k.moderation.cases, before.moderation.cases, false));
  rows.push(extra("testimonials.captured", "Testimonials requested", k.testimonials.captured, before.testimonials.captured));
  rows.push(extra("testimonials.consented", "Testimonials consented", k.testimonials.consented, before.testimonials.consented));
  rows.push(extra("links.clicks", "Tracked link clicks", sum(k.links.map((l) => l.clicks)), sum(before.links.map((l) => l.clicks))));
  return rows;
}

function change(unit: Unit, now: number | null, before: number | null): number | null {
  if (now === null || before === null) return null;
  if (unit === "ratio") return (now - before) * 100;
  if (unit === "percent") return now - before;
  if (before === 0) return null;
  return ((now - before) / before) * 100;
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

export function formatValue(unit: Unit, v: number | null): string {
  if (v === null) return "—";
  switch (unit) {
    case "count":
      return v.toLocaleString("en-US");
    case "ratio":
      return pct(v);
    case "percent":
      return `${v > 0 ? "+" : ""}${v.toFixed(1)}%`;
    case "minutes":
      return mins(v);
    case "decimal":
      return v.toFixed(1);
  }
}

/** "+12%", "−3.5 pts", "—". */
export function formatChange(r: KpiRow): string {
  if (r.change === null) return "—";
  const points = r.unit === "ratio" || r.unit === "percent";
  const v = Math.abs(r.change) >= 10 || points ? r.change.toFixed(points ? 1 : 0) : r.change.toFixed(1);
  const sign = r.change > 0 ? "+" : r.change < 0 ? "−" : "±";
  return `${sign}${v.replace("-", "")}${points ? " pts" : "%"}`;
}
