// `steward start` with DISCORD_TOKEN set: connects through DISCORD_API_URL, and a bad token
// or an unreachable API is one clear line and a non-zero exit, not a crash loop.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PassThrough } from "node:stream";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { runCli } from "../../src/cli/main.js";
import { FakeDiscord, IDS, exampleSeed } from "../fake-discord/index.js";

async function cli(args: string[], env: NodeJS.ProcessEnv) {
  const out = new PassThrough();
  const err = new PassThrough();
  let e = "";
  err.on("data", (c) => (e += String(c)));
  const code = await runCli(args, { out, err, env: { LOG_LEVEL: "silent", PORT: "0", ...env }, version: "0" });
  return { code, err: e };
}

describe("steward start with DISCORD_TOKEN", () => {
  const fake = new FakeDiscord(exampleSeed());
  const dir = mkdtempSync(path.join(tmpdir(), "steward-start-"));
  beforeAll(() => fake.start());
  afterAll(async () => {
    await fake.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it("refuses an invalid token with a clear error and exits non-zero", async () => {
    const started = Date.now();
    const r = await cli(["start", "--data-dir", path.join(dir, "a")], { DISCORD_TOKEN: "not-the-token", DISCORD_API_URL: fake.apiUrl });
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^steward: Discord rejected the token \(DISCORD_TOKEN\)/);
    expect(r.err).not.toContain("not-the-token");
    expect(Date.now() - started).toBeLessThan(15_000);
  });

  it("says where it could not connect", async () => {
    const r = await cli(["start", "--data-dir", path.join(dir, "b")], { DISCORD_TOKEN: "x", DISCORD_API_URL: "http://127.0.0.1:9/api" });
    expect(r.code).toBe(69);
    expect(r.err.trim()).toMatch(/^steward: could not connect to Discord at http:\/\/127\.0\.0\.1:9\/api: .*ECONNREFUSED/);
  });

  it("connects, moderates a scam link through the pipeline, and stops cleanly on SIGINT", async () => {
    const running = cli(["start", "--data-dir", path.join(dir, "c")], { DISCORD_TOKEN: "fake-token.steward.test", DISCORD_API_URL: fake.apiUrl });
    const deadline = Date.now() + 15_000;
    while (fake.readySessions === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(fake.readySessions).toBeGreaterThan(0);
    await new Promise((r) => setTimeout(r, 200));
    const since = fake.calls.length;
    fake.messageCreate({ id: "1100000000000777001", guildId: IDS.guild, channelId: IDS.general, authorId: IDS.alice, content: "claim free nitro at https://dlscord-gift.xyz/nitro" });
    const del = await fake.waitForCall("DELETE /channels/:c/messages/:m", 10_000, since);
    expect(del.path).toContain("1100000000000777001");
    process.emit("SIGINT");
    const r = await running;
    expect(r.code).toBe(0);
  });
});
