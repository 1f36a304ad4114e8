// The weekly digest: gathered (gather.ts), written (render.ts) and charted (../chart.ts).
import type { PrismaClient } from "../../store/index.js";
import { renderChart, type Chart } from "../chart.js";
import { gatherDigest, type DigestRequest } from "./gather.js";
import { renderDigest } from "./render.js";
import type { DigestData } from "./types.js";

export type { DigestData } from "./types.js";
export { gatherDigest, type DigestRequest } from "./gather.js";
export { renderDigest } from "./render.js";

export interface Digest {
  data: DigestData;
  text: string;
  chart: Chart;
  /** File name for the chart: "acme-2026-W47-activity.png". */
  chartName: string;
}

export async function buildDigest(prisma: PrismaClient, req: DigestRequest): Promise<Digest> {
  const data = await gatherDigest(prisma, req);
  const chart = await renderChart(data.series, `${data.communityName} · daily active members and messages, 8 weeks to ${data.thisWeek.to}`);
  return { data, text: renderDigest(data), chart, chartName: `${safe(data.community)}-${data.thisWeek.week}-activity.png` };
}

function safe(s: string): string {
  return s.replace(/[^A-Za-z0-9_-]+/g, "_");
}
