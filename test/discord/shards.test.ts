// `steward start --shards 2`: discord.js's ShardingManager runs one `steward start` process per
// shard against one PostgreSQL; each identifies as its own shard, a guild's events reach only
// its shard (so a scam link is deleted once), and Ctrl-C stops every shard cleanly. Runs the
// built binary (npm test builds it first) against the fake Discord.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { FakeDiscord, IDS, exampleSeed } from "../fake-discord/index.js";

const bin = path.resolve("bin/steward.js");
const built = existsSync(path.resolve("dist/src/cli/shards.js"));
const databaseUrl = process.env.TEST_DATABASE_URL;
if (!databaseUrl) console.warn("shards test skipped: set TEST_DATABASE_URL (shards need PostgreSQL; CI sets it)");
if (!built) console.warn("shards test skipped: dist/ is not built (npm test builds it)");

describe.skipIf(!databaseUrl || !built)("steward start --shards", () => {
  const fake = new FakeDiscord(exampleSeed());
  beforeAll(() => fake.start());
  afterAll(() => fake.stop());

  it("runs two shard processes that split the guilds, act once, and stop on SIGINT", async () => {
    const schema = `shards_${process.pid}`;
    const url = `${databaseUrl}${databaseUrl!.includes("?") ? "&" : "?"}schema=${schema}`;
    const child = spawn(process.execPath, [bin, "start", "--shards", "2"], {
      env: { ...process.env, DISCORD_TOKEN: "fake-token.steward.test", DISCORD_API_URL: fake.apiUrl, DATABASE_URL: url, LOG_LEVEL: "warn", PORT: "0" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let err = "";
    child.stderr.on("data", (c) => (err += String(c)));
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    try {
      const deadline = Date.now() + 45_000;
      while (fake.readySessions < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
      expect(fake.readySessions, err).toBe(2);
      expect(fake.identifies.filter((i) => i.tokenValid).map((i) => JSON.stringify(i.shard)).sort()).toEqual(["[0,2]", "[1,2]"]);
      await new Promise((r) => setTimeout(r, 500));
      const since = fake.calls.length;
      fake.messageCreate({ id: "1100000000000888001", guildId: IDS.guild, channelId: IDS.general, authorId: IDS.alice, content: "claim free nitro at https://dlscord-gift.xyz/nitro" });
      await fake.waitForCall("DELETE /channels/:c/messages/:m", 15_000, since);
      await new Promise((r) => setTimeout(r, 1000));
      const deletes = fake.calls.slice(since).filter((c) => c.method === "DELETE" && c.path.includes("1100000000000888001"));
      expect(deletes).toHaveLength(1);
    } finally {
      child.kill("SIGINT");
    }
    expect(await exited).toBe(0);
    expect(err).toContain("2 shard(s) stopped");
  }, 90_000);
});
