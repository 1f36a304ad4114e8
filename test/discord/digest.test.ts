/**
 * The Monday digest posted to Discord: a week of a guild's activity in the store, the insights
 * scheduler run through the real discord.js adapter against the fake Discord — one message in
 * #mod-log (the default managers' channel) with the chart uploaded as a PNG and message links.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { PassThrough } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DiscordAdapter, DiscordSettingsProvider } from "../../src/platforms/discord/index.js";
import { InsightsScheduler } from "../../src/insights/scheduler.js";
import { runReplay } from "../../src/platforms/replay/run.js";
import { GuidelineLibrary } from "../../src/guidelines/library.js";
import { openMemoryStore, type Store } from "../../src/store/index.js";
import { PrismaPersistence } from "../../src/store/pipeline-writer.js";
import { silentLogger } from "../../src/log.js";
import { FakeDiscord, IDS, exampleSeed } from "../fake-discord/index.js";

const Q = "1100000000000007001"; // the unanswered question's message id
const MONDAY_9AM_UTC = Date.parse("2026-11-23T09:00:00Z");

function week(): string {
  const ev = (at: string, e: Record<string, unknown>) => JSON.stringify({ at, community: IDS.guild, platform: "discord", ...e });
  return [
    ev("2026-11-16T08:00:00Z", { type: "member.joined", member: { id: IDS.alice, name: "alice", roles: [IDS.roleMember] } }),
    ev("2026-11-16T09:00:00Z", { type: "message.created", channel: IDS.general, message: { id: Q, author: IDS.alice, text: "is the blue bag back in stock?" } }),
    ev("2026-11-17T09:00:00Z", { type: "message.created", channel: IDS.general, message: { id: "1100000000000007002", author: IDS.bob, text: "what a beautiful bag, great quality" } }),
  ].join("\n") + "\n";
}

describe("the weekly digest on Discord", () => {
  const fake = new FakeDiscord(exampleSeed());
  const dir = mkdtempSync(path.join(os.tmpdir(), "steward-digest-"));
  let store: Store;
  let adapter: DiscordAdapter;

  beforeAll(async () => {
    await fake.start();
    store = await openMemoryStore();
    const file = path.join(dir, "week.jsonl");
    writeFileSync(file, week());
    const out = new PassThrough().resume();
    const library = await GuidelineLibrary.load(path.resolve("test/fixtures/rules"));
    await runReplay({ file, library, settings: new DiscordSettingsProvider(), persistence: new PrismaPersistence(store.prisma), logger: silentLogger, out, err: out, quiet: true });
    adapter = new DiscordAdapter({ token: fake.token, apiUrl: fake.apiUrl, logger: silentLogger });
    await adapter.start(async () => undefined);
  }, 30_000);

  afterAll(async () => {
    await adapter?.stop();
    await store?.close();
    await fake.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it("posts once to #mod-log with the activity chart and links to the messages", async () => {
    const scheduler = new InsightsScheduler({
      prisma: store.prisma, settings: new DiscordSettingsProvider(), platform: "discord", logger: silentLogger, instance: "test",
      perform: (a) => adapter.perform(a), serves: (c) => adapter.serves(c),
    });
    const before = fake.calls.length;
    const result = await scheduler.run("digest", IDS.guild, MONDAY_9AM_UTC);
    expect(result).toEqual({ job: "digest", community: IDS.guild, period: "2026-W47", status: "posted" });
    const posts = fake.calls.slice(before).filter((c) => c.method === "POST" && c.path === `/channels/${IDS.modLog}/messages`);
    expect(posts).toHaveLength(1);
    const body = posts[0]!.body as { content: string; files: { name: string; type: string; size: number; base64: string }[] };
    expect(body.content).toContain("**Weekly digest ·");
    expect(body.content).toContain(`• "is the blue bag back in stock?" by alice, Mon 16 Nov 09:00: https://discord.com/channels/${IDS.guild}/${IDS.general}/${Q}`);
    expect(body.content).toContain('• "what a beautiful bag, great quality"');
    expect(body.files.map((f) => [f.name, f.type])).toEqual([[`${IDS.guild}-2026-W47-activity.png`, "image/png"]]);
    expect(Buffer.from(body.files[0]!.base64, "base64").subarray(1, 4).toString()).toBe("PNG");
    expect(body.files[0]!.size).toBeGreaterThan(5000);
    // Steward's own message in the channel carries the attachment, as Discord shows it.
    const shown = [...fake.model.messages.values()].filter((m) => m.channelId === IDS.modLog).at(-1)!;
    expect((shown.payload as { attachments: { filename: string }[] }).attachments.map((a) => a.filename)).toEqual([`${IDS.guild}-2026-W47-activity.png`]);
    expect(adapter.serves("1999999999999999999")).toBe(false);
  }, 30_000);
});
