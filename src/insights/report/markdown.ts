// The monthly report as Markdown (Discord and Slack show it; a client's email takes it).
import type { ReportData } from "./index.js";
import { formatChange, formatValue } from "./rows.js";

export function reportMarkdown(d: ReportData, chartFile?: string): string {
  const k = d.kpis;
  const lines = [`# ${d.title}`, "", `${k.from} to ${k.to} (${k.timezone}), compared with ${d.previous.from} to ${d.previous.to}.`, "", "## Highlights", ""];
  for (const h of d.highlights) lines.push(`- ${h}`);
  lines.push("", "## Figures", "", "| | This month | Last month | Change |", "|---|---:|---:|---:|");
  for (const r of d.rows) lines.push(`| ${r.label} | ${formatValue(r.unit, r.value)} | ${formatValue(r.unit, r.previous)} | ${formatChange(r)} |`);
  if (chartFile) lines.push("", `![Daily active members and messages](${chartFile})`);
  const m = k.moderation;
  lines.push("", "## Moderation", "", `${m.cases} cases: ${m.automatic} automatic, ${m.manual} by moderators; ${m.heldMessages} messages held for review${m.heldMedianMinutesToHandle === null ? "" : `, handled in ${formatValue("minutes", m.heldMedianMinutesToHandle)} (median)`}.`);
  const table = (title: string, r: Record<string, number>) => {
    const entries = Object.entries(r).sort((a, b) => b[1] - a[1]);
    if (!entries.length) return;
    lines.push("", `| ${title} | Cases |`, "|---|---:|");
    for (const [name, n] of entries) lines.push(`| ${name} | ${n} |`);
  };
  table("Guideline", m.byGuideline);
  table("Action", m.byAction);
  if (k.topContributors.length) {
    lines.push("", "## Top contributors", "", "| Member | Messages | Reactions |", "|---|---:|---:|");
    for (const c of k.topContributors) lines.push(`| ${c.name ?? c.member} | ${c.messages} | ${c.reactions} |`);
  }
  if (k.links.length) {
    lines.push("", "## Tracked links", "", "| Campaign | Clicks |", "|---|---:|");
    for (const l of k.links) lines.push(`| ${l.campaign} | ${l.clicks} |`);
  }
  if (k.customers) lines.push("", "## Customers", "", "```json", JSON.stringify(k.customers, null, 2), "```");
  return lines.join("\n") + "\n";
}
