// The monthly client report of a crafted October and November (fixtures/report-months.jsonl,
// Asia/Dhaka) in each format; figures and changes worked out by hand. A member named
// <script>…</script> shows how names are escaped in the HTML.
import path from "node:path";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openMemoryStore, type Store } from "../../src/store/index.js";
import { buildReport, formatReport, type Report } from "../../src/insights/report/index.js";
import { SettingsProvider, loadAllSettings } from "../../src/config/settings.js";
import { replayInto } from "./replay.js";

describe("monthly client report", () => {
  let store: Store;
  let report: Report;
  beforeAll(async () => {
    store = await openMemoryStore();
    await replayInto(store, "report-months.jsonl");
    const settings = new SettingsProvider(await loadAllSettings(path.resolve("test/insights/fixtures/communities")));
    report = await buildReport(store.prisma, { community: "acme", month: "2026-11", settings: settings.get("acme") });
  }, 60_000);
  afterAll(() => store?.close());

  // October: ann and ben joined, 3 messages, both active → 2 members, engagement 2/2.
  // November: evil joined, evil 3 + ann 1 = 4 messages, 2 active of 3 members → engagement 2/3.
  it("Markdown: highlights and each figure beside last month's, with the change", () => {
    const md = formatReport(report, "md", "acme-2026-11-report-chart.png");
    expect(md).toContain("# Acme Crafts · community report · November 2026");
    expect(md).toContain("- 3 members at month end (+1: 1 joined, 0 left).");
    expect(md).toContain("| Members at month end | 3 | 2 | +50% |");
    expect(md).toContain("| Joined | 1 | 2 | −50% |");
    // (4 − 3) / 3 = +33%
    expect(md).toContain("| Messages | 4 | 3 | +33% |");
    // 66.7% − 100% = −33.3 points
    expect(md).toContain("| Engagement rate | 66.7% | 100.0% | −33.3 pts |");
    expect(md).toContain("![Daily active members and messages](acme-2026-11-report-chart.png)");
    expect(md).toContain('Most active member: <script>alert("x")</script> (3 messages).');
  });

  it("HTML: one self-contained page, every name escaped, the chart inline", () => {
    const html = formatReport(report, "html");
    expect(html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
    expect(html).not.toMatch(/<script/i);
    expect(html).toMatch(/<img alt="Daily active members and messages" src="data:image\/png;base64,iVBORw0KGgo/);
    expect(html).not.toMatch(/<link |src="http/);
  });

  it("CSV and JSON: raw numbers a spreadsheet or a script can use", () => {
    const rows = parse(formatReport(report, "csv"), { columns: true }) as Record<string, string>[];
    const messages = rows.find((r) => r.key === "messages")!;
    expect([messages.this_month, messages.last_month, messages.change]).toEqual(["4", "3", "33.33"]);
    expect(rows.find((r) => r.key === "engagementRate")!.this_month).toMatch(/^0\.666/);
    const json = JSON.parse(formatReport(report, "json")) as { month: string; kpis: { messages: number }; previous: { messages: number }; changes: Record<string, number | null> };
    expect([json.month, json.kpis.messages, json.previous.messages]).toEqual(["2026-11", 4, 3]);
    expect(json.changes.messages).toBeCloseTo(100 / 3, 6);
    expect(json.changes.netGrowthPct).toBeNull(); // October started with no members: no growth rate to compare
  });
});
