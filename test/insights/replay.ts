// Replays a fixture of test/insights/fixtures through the real pipeline into a store.
import { expect } from "vitest";
import { PassThrough } from "node:stream";
import path from "node:path";
import { runReplay } from "../../src/platforms/replay/run.js";
import { GuidelineLibrary } from "../../src/guidelines/library.js";
import { SettingsProvider, loadAllSettings } from "../../src/config/settings.js";
import { PrismaPersistence } from "../../src/store/pipeline-writer.js";
import type { Store } from "../../src/store/index.js";
import { silentLogger } from "../../src/log.js";

const dir = path.resolve("test/insights/fixtures");

export async function replayInto(store: Store, file: string): Promise<void> {
  const library = await GuidelineLibrary.load(path.resolve("test/fixtures/rules"));
  const settings = new SettingsProvider(await loadAllSettings(path.join(dir, "communities")));
  const out = new PassThrough().resume();
  const summary = await runReplay({ file: path.join(dir, file), library, settings, persistence: new PrismaPersistence(store.prisma), logger: silentLogger, out, err: out, quiet: true });
  expect(summary.skipped).toEqual([]);
}

