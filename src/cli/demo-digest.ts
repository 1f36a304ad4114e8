// The demo's ending: the digest community managers would get for the demo's last complete week,
// printed, with its chart written to a file (the demo runs on a throwaway database).
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { PrismaClient } from "../store/index.js";
import type { SettingsProvider } from "../config/settings.js";
import { buildDigest } from "../insights/digest/index.js";
import { addDays, isoWeekOf } from "../insights/period.js";

export interface DemoDigest {
  text: string;
  chartFile: string;
}

export async function demoDigest(prisma: PrismaClient, settings: SettingsProvider, community: string): Promise<DemoDigest | null> {
  const last = await prisma.dailyActivity.aggregate({ where: { community: { key: community } }, _max: { day: true } });
  const day = last._max.day?.toISOString().slice(0, 10);
  if (!day) return null;
  // The last ISO week that ended on or before the demo's last day.
  const week = isoWeekOf(addDays(day, -6));
  // As if it were the Monday after that week, so every question has had its 24 hours.
  const monday = Date.parse(`${addDays(day, 1)}T12:00:00Z`);
  const d = await buildDigest(prisma, { community, week, settings: settings.get(community), now: monday });
  const dir = path.join(os.tmpdir(), "steward-demo");
  mkdirSync(dir, { recursive: true });
  const chartFile = path.join(dir, d.chartName);
  writeFileSync(chartFile, d.chart.png);
  return { text: d.text, chartFile };
}
