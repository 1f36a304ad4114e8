// The monthly report as one self-contained HTML page (inline style, the chart as a data: URI),
// every text escaped: member names and campaign names come from the community.
import type { ReportData } from "./index.js";
import { formatChange, formatValue } from "./rows.js";
import { escapeHtml as esc } from "../../util/escape-html.js";

export function reportHtml(d: ReportData, png: Buffer): string {
  const k = d.kpis;
  const m = k.moderation;
  const rows = d.rows
    .map((r) => {
      const good = r.change === null || r.change === 0 ? "" : (r.change > 0) === r.higherIsBetter ? " class=\"up\"" : " class=\"down\"";
      return `<tr><th scope="row">${esc(r.label)}</th><td>${esc(formatValue(r.unit, r.value))}</td><td>${esc(formatValue(r.unit, r.previous))}</td><td${good}>${esc(formatChange(r))}</td></tr>`;
    })
    .join("\n");
  const counts = (title: string, r: Record<string, number>) => {
    const e = Object.entries(r).sort((a, b) => b[1] - a[1]);
    return e.length ? `<table><thead><tr><th>${esc(title)}</th><th>Cases</th></tr></thead><tbody>${e.map(([n, c]) => `<tr><td>${esc(n)}</td><td>${c}</td></tr>`).join("")}</tbody></table>` : "";
  };
  const contributors = k.topContributors.length
    ? `<h2>Top contributors</h2><table><thead><tr><th>Member</th><th>Messages</th><th>Reactions</th></tr></thead><tbody>${k.topContributors.map((c) => `<tr><td>${esc(c.name ?? c.member)}</td><td>${c.messages}</td><td>${c.reactions}</td></tr>`).join("")}</tbody></table>`
    : "";
  const links = k.links.length ? `<h2>Tracked links</h2><table><thead><tr><th>Campaign</th><th>Clicks</th></tr></thead><tbody>${k.links.map((l) => `<tr><td>${esc(l.campaign)}</td><td>${l.clicks}</td></tr>`).join("")}</tbody></table>` : "";
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(d.title)}</title>
<style>
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;max-width:760px;margin:2rem auto;padding:0 1rem;color:#1d2433}
h1{font-size:1.5rem}h2{font-size:1.15rem;margin-top:2rem}table{border-collapse:collapse;width:100%;margin:.5rem 0}
th,td{padding:.3rem .5rem;border-bottom:1px solid #e3e6ec;text-align:right}th:first-child,td:first-child{text-align:left}
.up{color:#137333}.down{color:#b3261e}img{max-width:100%}.muted{color:#5f6b7a}
</style></head><body>
<h1>${esc(d.title)}</h1>
<p class="muted">${esc(k.from)} to ${esc(k.to)} (${esc(k.timezone)}), compared with ${esc(d.previous.from)} to ${esc(d.previous.to)}.</p>
<h2>Highlights</h2><ul>${d.highlights.map((h) => `<li>${esc(h)}</li>`).join("")}</ul>
<h2>Figures</h2>
<table><thead><tr><th></th><th>This month</th><th>Last month</th><th>Change</th></tr></thead><tbody>
${rows}
</tbody></table>
<img alt="Daily active members and messages" src="data:image/png;base64,${png.toString("base64")}">
<h2>Moderation</h2>
<p>${m.cases} cases: ${m.automatic} automatic, ${m.manual} by moderators; ${m.heldMessages} messages held for review${m.heldMedianMinutesToHandle === null ? "" : `, handled in ${esc(formatValue("minutes", m.heldMedianMinutesToHandle))} (median)`}.</p>
${counts("Guideline", m.byGuideline)}${counts("Action", m.byAction)}
${contributors}${links}
<p class="muted">Made by Steward.</p>
</body></html>
`;
}
