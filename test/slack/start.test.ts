// `steward start` with SLACK_BOT_TOKEN: Slack's events over HTTP on Steward's one port; a bad token
// or a missing signing secret is one clear line and a non-zero exit; both platforms need --platform.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PassThrough } from "node:stream";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { runCli } from "../../src/cli/main.js";
import { FakeSlack, deliverEvent } from "../fake-slack/index.js";

async function cli(args: string[], env: NodeJS.ProcessEnv) {
  const out = new PassThrough();
  const err = new PassThrough();
  let e = "";
  err.on("data", (c) => (e += String(c)));
  const code = await runCli(args, { out, err, env: { LOG_LEVEL: "silent", PORT: "0", ...env }, version: "0" });
  return { code, err: e };
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

describe("steward start with SLACK_BOT_TOKEN", () => {
  const fake = new FakeSlack();
  const dir = mkdtempSync(path.join(tmpdir(), "steward-slack-start-"));
  const secret = "start-test-signing-secret";
  beforeAll(() => fake.start());
  afterAll(async () => {
    await fake.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it("refuses an invalid bot token with a clear error, without printing it", async () => {
    const r = await cli(["start", "--data-dir", path.join(dir, "a")], { SLACK_BOT_TOKEN: "xoxb-not-the-token", SLACK_SIGNING_SECRET: secret, SLACK_API_URL: fake.apiUrl });
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^steward: Slack rejected the bot token \(SLACK_BOT_TOKEN\): Slack: invalid_auth/);
    expect(r.err).not.toContain("xoxb-not-the-token");
  });

  it("needs SLACK_SIGNING_SECRET or SLACK_APP_TOKEN", async () => {
    const r = await cli(["start", "--data-dir", path.join(dir, "b")], { SLACK_BOT_TOKEN: "xoxb-fake-bot", SLACK_API_URL: fake.apiUrl });
    expect(r.code).toBe(78);
    expect(r.err).toMatch(/set SLACK_SIGNING_SECRET .* or SLACK_APP_TOKEN/);
  });

  it("with DISCORD_TOKEN too, asks for --platform", async () => {
    const r = await cli(["start", "--data-dir", path.join(dir, "c")], { SLACK_BOT_TOKEN: "xoxb-fake-bot", DISCORD_TOKEN: "x" });
    expect(r.code).toBe(64);
    expect(r.err).toMatch(/--platform discord\|slack/);
  });

  it("serves /slack/events on PORT, deletes a scam link with the admin's user token, and stops cleanly on SIGINT", async () => {
    const port = await freePort();
    const running = cli(["start", "--data-dir", path.join(dir, "d")], {
      SLACK_BOT_TOKEN: "xoxb-fake-bot",
      SLACK_USER_TOKEN: "xoxp-fake-admin",
      SLACK_SIGNING_SECRET: secret,
      SLACK_API_URL: fake.apiUrl,
      PORT: String(port),
    });
    const url = `http://127.0.0.1:${port}/slack/events`;
    const deadline = Date.now() + 20_000;
    for (;;) {
      const ok = await fetch(`http://127.0.0.1:${port}/healthz`).then((r) => r.ok, () => false);
      if (ok && fake.callsTo("auth.test").length >= 2) break;
      if (Date.now() > deadline) throw new Error("steward start did not come up");
      await new Promise((r) => setTimeout(r, 100));
    }
    await new Promise((r) => setTimeout(r, 200));
    const since = fake.calls.length;
    const m = fake.post("CHELP0001", "UBEN00001", "claim free nitro at https://dlscord-gift.xyz/nitro");
    const r = await deliverEvent(url, secret, "T0STEWARD", { type: "message", channel: "CHELP0001", channel_type: "channel", user: "UBEN00001", text: m.text, ts: m.ts });
    expect(r.status).toBe(200);
    const del = await fake.waitFor("chat.delete", since, 10_000);
    expect(del).toMatchObject({ token: "xoxp-fake-admin", args: { channel: "CHELP0001", ts: m.ts }, answer: { ok: true } });
    process.emit("SIGINT");
    expect((await running).code).toBe(0);
  });
});
