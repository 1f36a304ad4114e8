// A few sentences a client reads first: growth, engagement, responsiveness, what moderators
// handled, praise gathered. Plain facts from the KPIs, no adjectives beyond "up"/"down".
import type { Kpis } from "../kpis/types.js";

export function highlights(k: Kpis, before: Kpis): string[] {
  const out: string[] = [];
  const net = k.joined - k.left;
  out.push(`${k.membersEnd.toLocaleString("en-US")} members at month end (${net >= 0 ? "+" : ""}${net}: ${k.joined} joined, ${k.left} left).`);
  if (k.activeMembers) {
    out.push(`${k.activeMembers.toLocaleString("en-US")} members took part (posted or reacted)${trend(k.activeMembers, before.activeMembers)}, writing ${k.messages.toLocaleString("en-US")} messages.`);
  } else out.push("Nobody posted or reacted this month.");
  if (k.questionsAsked) {
    const median = k.firstResponseMedianMinutes;
    out.push(`${k.questionsAsked} questions asked; ${median === null ? "none got a reply" : `half got a first reply within ${minutes(median)}`}${k.unansweredQuestions ? `, ${k.unansweredQuestions} got none` : ""}.`);
  }
  const top = k.topContributors[0];
  if (top) out.push(`Most active member: ${top.name ?? top.member} (${top.messages} messages).`);
  const m = k.moderation;
  if (m.cases) out.push(`Moderation handled ${m.cases} ${m.cases === 1 ? "case" : "cases"} (${m.automatic} automatically)${trend(m.cases, before.moderation.cases)}.`);
  else out.push("No moderation cases.");
  if (k.testimonials.consented) out.push(`${k.testimonials.consented} ${k.testimonials.consented === 1 ? "testimonial" : "testimonials"} consented for publication.`);
  const clicks = k.links.reduce((a, l) => a + l.clicks, 0);
  if (clicks) {
    const best = [...k.links].sort((a, b) => b.clicks - a.clicks)[0]!;
    out.push(`${clicks} clicks on tracked links; most: "${best.campaign}" (${best.clicks}).`);
  }
  return out;
}

function trend(now: number, before: number): string {
  if (before === 0) return "";
  const pct = Math.round(((now - before) / before) * 100);
  return pct === 0 ? ", as last month" : `, ${pct > 0 ? "up" : "down"} ${Math.abs(pct)}% from last month`;
}

function minutes(m: number): string {
  return m < 90 ? `${Math.round(m)} minutes` : `${(m / 60).toFixed(1)} hours`;
}
