// The monthly client report: a month's KPIs against the month before, highlights, the moderation
// summary and charts, as Markdown, self-contained HTML, CSV or JSON (`steward report`, and
// posted on the 1st by `steward start`).
import type { PrismaClient } from "../../store/index.js";
import type { CommunitySettings } from "../../config/settings-schema.js";
import { computeKpis, type Kpis } from "../kpis/index.js";
import { dailySeries } from "../series.js";
import { findCommunity } from "../community.js";
import { monthRange } from "../period.js";
import { monthTitle } from "../format.js";
import { renderChart, type Chart } from "../chart.js";
import { kpiRows, type KpiRow } from "./rows.js";
import { highlights } from "./highlights.js";
import { reportMarkdown } from "./markdown.js";
import { reportHtml } from "./html.js";
import { reportCsv } from "./csv.js";

export const reportFormats = ["md", "html", "csv", "json"] as const;
export type ReportFormat = (typeof reportFormats)[number];

export interface ReportData {
  community: string;
  communityName: string;
  month: string;
  title: string;
  kpis: Kpis;
  previous: Kpis;
  rows: KpiRow[];
  highlights: string[];
  /** Daily active members and messages over the month. */
  series: { day: string; activeMembers: number; messages: number }[];
}

export interface Report {
  data: ReportData;
  chart: Chart;
  /** "acme-2026-10-report" (add the format's extension). */
  baseName: string;
}

export async function buildReport(prisma: PrismaClient, req: { community: string; month: string; settings: CommunitySettings }): Promise<Report> {
  const month = monthRange(req.month);
  const c = await findCommunity(prisma, req.community);
  const [kpis, previous, series] = await Promise.all([
    computeKpis(prisma, { community: c.key, ...month }),
    computeKpis(prisma, { community: c.key, ...month.previous! }),
    dailySeries(prisma, c.key, month.from, month.to),
  ]);
  const name = req.settings.name ?? c.key;
  const title = `${name} · community report · ${monthTitle(req.month)}`;
  const data: ReportData = {
    community: c.key,
    communityName: name,
    month: req.month,
    title,
    kpis,
    previous,
    rows: kpiRows(kpis, previous),
    highlights: highlights(kpis, previous),
    series: series.map((d) => ({ day: d.day, activeMembers: d.activeMembers, messages: d.messages })),
  };
  const chart = await renderChart(data.series, `${name} · daily active members and messages, ${monthTitle(req.month)}`);
  return { data, chart, baseName: `${c.key.replace(/[^A-Za-z0-9_-]+/g, "_")}-${req.month}-report` };
}

/** The report in a format; Markdown names the chart file written beside it (`chartFile`). */
export function formatReport(r: Report, format: ReportFormat, chartFile?: string): string {
  switch (format) {
    case "md":
      return reportMarkdown(r.data, chartFile);
    case "html":
      return reportHtml(r.data, r.chart.png);
    case "csv":
      return reportCsv(r.data);
    case "json":
      return JSON.stringify({ community: r.data.community, month: r.data.month, title: r.data.title, kpis: r.data.kpis, previous: r.data.previous, changes: Object.fromEntries(r.data.rows.map((x) => [x.key, x.change])), highlights: r.data.highlights }, null, 2) + "\n";
  }
}
