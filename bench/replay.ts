// End-to-end replay benchmark: generated events through the whole pipeline on the embedded
// store (PGlite in a temporary folder). Prints events/s and peak RSS.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PassThrough } from "node:stream";
import { generateEvents } from "./generate-events.js";
import { runReplay } from "../src/platforms/replay/run.js";
import { GuidelineLibrary, defaultRulesDir } from "../src/guidelines/library.js";
import { SettingsProvider } from "../src/config/settings.js";
import { openStore } from "../src/store/index.js";
import { PrismaPersistence } from "../src/store/pipeline-writer.js";
import { silentLogger } from "../src/log.js";

export interface ReplayBenchResult {
  events: number;
  decisions: number;
  seconds: number;
  eventsPerSecond: number;
  peakRssMb: number;
}

export async function runReplayBench(events = 200_000): Promise<ReplayBenchResult> {
  const dir = mkdtempSync(path.join(tmpdir(), "steward-bench-"));
  try {
    const file = path.join(dir, "events.jsonl");
    await generateEvents(file, events);
    const library = await GuidelineLibrary.load(defaultRulesDir());
    const store = await openStore({ dataDir: path.join(dir, "data") });
    let peak = process.memoryUsage.rss();
    const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 100);
    try {
      const s = await runReplay({
        file, library, settings: new SettingsProvider(), persistence: new PrismaPersistence(store.prisma),
        logger: silentLogger, out: new PassThrough(), err: new PassThrough(), quiet: true,
      });
      peak = Math.max(peak, process.memoryUsage.rss());
      return { events: s.events, decisions: s.decisions, seconds: s.seconds, eventsPerSecond: Math.round(s.events / s.seconds), peakRssMb: Math.round(peak / 2 ** 20) };
    } finally {
      clearInterval(timer);
      await store.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
