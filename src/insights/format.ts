// The KPIs as a short text a community manager reads (steward kpi without --json).
import type { Kpis } from "./kpis/types.js";

export const pct = (x: number | null, signed = false) => (x === null ? "—" : `${signed && x > 0 ? "+" : ""}${(x * 100).toFixed(1)}%`);
const num = (x: number | null, digits = 1) => (x === null ? "—" : Number.isInteger(x) ? x.toLocaleString("en-US") : x.toFixed(digits));
export const mins = (x: number | null) => (x === null ? "—" : x < 90 ? `${Math.round(x)} min` : `${(x / 60).toFixed(1)} h`);
const counts = (r: Record<string, number>) => Object.entries(r).map(([k, n]) => `${k} ${n}`).join(", ") || "none";

export function formatKpis(k: Kpis, title: string): string {
  const m = k.moderation;
  const lines = [
    `${k.community} · ${title} (${k.from} … ${k.to}, ${k.timezone})`,
    `  Members        ${num(k.membersStart)} → ${num(k.membersEnd)} (${k.netGrowthPct === null ? "—" : pct(k.netGrowthPct / 100, true)}), joined ${k.joined}, left ${k.left}`,
    `  Active         ${num(k.activeMembers)} members posted or reacted (engagement ${pct(k.engagementRate)}, DAU/MAU ${num(k.dauMauRatio, 3)})`,
    `  Messages       ${num(k.messages)} (${num(k.messagesPerActiveMember)} per active member)`,
    `  New members    ${pct(k.newMemberActivation)} posted within 7 days of joining; retention of the previous period's joiners ${pct(k.retention)}`,
    `  Questions      ${k.questionsAsked} asked, ${k.unansweredQuestions} unanswered; first reply median ${mins(k.firstResponseMedianMinutes)}, p90 ${mins(k.firstResponseP90Minutes)}`,
    `  Top            ${k.topContributors.map((c) => `${c.name ?? c.member} ${c.messages}`).join(", ") || "nobody posted"}`,
    `  Moderation     ${m.cases} cases (${m.automatic} automatic, ${m.manual} manual); guidelines: ${counts(m.byGuideline)}`,
    `                 actions: ${counts(m.byAction)}; ${m.heldMessages} held, median ${mins(m.heldMedianMinutesToHandle)} to handle`,
    `  Testimonials   ${k.testimonials.captured} captured, ${k.testimonials.consented} consented`,
    `  Links          ${k.links.map((l) => `${l.campaign} ${l.clicks}`).join(", ") || "no clicks"}`,
  ];
  return lines.join("\n") + "\n";
}

/** "October 2026" for "2026-10". */
export function monthTitle(month: string): string {
  return new Date(`${month}-01T00:00:00Z`).toLocaleString("en-US", { month: "long", year: "numeric", timeZone: "UTC" });
}
