// `steward start` and the HTTP port: a taken port is one clear line and a non-zero exit, before
// Steward connects anywhere; `steward links` from the command line.
import { afterAll, describe, expect, it } from "vitest";
import net from "node:net";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { cli } from "../helpers/cli.js";
import { openStore } from "../../src/store/index.js";
import { FakeDiscord, exampleSeed } from "../fake-discord/index.js";

async function freePort(): Promise<number> {
  const s = net.createServer();
  await new Promise<void>((r) => s.listen(0, "127.0.0.1", r));
  const port = (s.address() as net.AddressInfo).port;
  await new Promise((r) => s.close(r));
  return port;
}

describe("steward start and PORT", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "steward-http-start-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("says the port is taken and which variable to set", async () => {
    const blocker = net.createServer();
    await new Promise<void>((r) => blocker.listen(0, r));
    const port = (blocker.address() as net.AddressInfo).port;
    try {
      const r = await cli(["start", "--data-dir", path.join(dir, "a")], { DISCORD_TOKEN: "x", DISCORD_API_URL: "http://127.0.0.1:9/api", PORT: String(port) });
      expect(r.code).toBe(69);
      expect(r.err).toBe(`steward: port ${port} is in use; set PORT to a free port (PORT=0 picks any)\n`);
    } finally {
      await new Promise((r) => blocker.close(r));
    }
  });

  it("serves tracked links and /healthz while connected, and stores the clicks when stopped", async () => {
    const fake = new FakeDiscord(exampleSeed());
    await fake.start();
    try {
      const dataDir = path.join(dir, "served");
      const s = await openStore({ dataDir });
      const c = await s.prisma.community.create({ data: { key: "acme", platform: "discord" } });
      const link = await s.prisma.trackedLink.create({ data: { communityId: c.id, code: "Abc12345", url: "https://shop.example.com/x", campaign: "launch", medium: "discord", createdBy: "cli" } });
      await s.close();
      const port = await freePort();
      const running = cli(["start", "--data-dir", dataDir], { DISCORD_TOKEN: "fake-token.steward.test", DISCORD_API_URL: fake.apiUrl, PORT: String(port) });
      const deadline = Date.now() + 30_000;
      while (fake.readySessions === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      expect(fake.readySessions).toBeGreaterThan(0);
      // /healthz reports the database and the gateway once connected.
      let health = "";
      for (let i = 0; i < 200 && !health.includes("discord:"); i++) {
        health = await (await fetch(`http://127.0.0.1:${port}/healthz`)).text();
        if (!health.includes("discord:")) await new Promise((r) => setTimeout(r, 50));
      }
      expect(health).toMatch(/^ok\ndatabase: ok\ndiscord: ready, 1 guilds, ping -?\d+ ms\noutbox: 0 pending\n$/);
      const r = await fetch(`http://127.0.0.1:${port}/l/Abc12345`, { redirect: "manual" });
      expect(r.headers.get("location")).toBe("https://shop.example.com/x?utm_source=steward&utm_medium=discord&utm_campaign=launch");
      process.emit("SIGINT");
      expect((await running).code).toBe(0);
      const after = await openStore({ dataDir });
      try {
        expect(await after.prisma.linkClick.count({ where: { linkId: link.id } })).toBe(1);
      } finally {
        await after.close();
      }
    } finally {
      await fake.stop();
    }
  }, 90_000);

  it("refuses a PUBLIC_URL that is not http(s)", async () => {
    const r = await cli(["links", "list", "--data-dir", path.join(dir, "b")], { PUBLIC_URL: "ftp://example.com" });
    expect(r.code).toBe(78);
    expect(r.err).toContain("PUBLIC_URL: must start with http:// or https://");
  });

  it("creates and lists tracked links from the command line, with PUBLIC_URL as the base", async () => {
    const dataDir = path.join(dir, "c");
    const s = await openStore({ dataDir });
    await s.prisma.community.create({ data: { key: "acme", platform: "slack" } });
    await s.close();
    const env = { PUBLIC_URL: "https://go.example.com" };
    const made = await cli(["links", "create", "https://shop.example.com/fall?x=1", "fall", "--data-dir", dataDir], env);
    expect(made.code).toBe(0);
    const short = /^(https:\/\/go\.example\.com\/l\/[0-9A-Za-z]{8})\n/.exec(made.out)?.[1];
    expect(short, made.out).toBeDefined();
    expect(made.out).toContain("→ https://shop.example.com/fall?x=1\n  campaign fall, medium slack, community acme\n");
    const bad = await cli(["links", "create", "mailto:a@b.c", "fall", "--data-dir", dataDir], env);
    expect(bad).toMatchObject({ code: 65, err: "steward: only http and https links can be tracked (got mailto:)\n" });
    const list = await cli(["links", "list", "--data-dir", dataDir, "--json"], env);
    expect(JSON.parse(list.out)).toMatchObject([{ shortLink: short, url: "https://shop.example.com/fall?x=1", campaign: "fall", medium: "slack", createdBy: "cli", clicks: 0 }]);
  });
});
