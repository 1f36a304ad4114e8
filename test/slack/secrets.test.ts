// Slack's secrets never reach the logs: the values of SLACK_BOT_TOKEN, SLACK_APP_TOKEN,
// SLACK_USER_TOKEN and SLACK_SIGNING_SECRET are masked in every log line, Bolt's included.
import { afterEach, describe, expect, it } from "vitest";
import { PassThrough } from "node:stream";
import { createLogger } from "../../src/log.js";
import { boltLogger } from "../../src/platforms/slack/bolt.js";

const SECRETS = { SLACK_BOT_TOKEN: "xoxb-1111-secret-bot", SLACK_APP_TOKEN: "xapp-2222-secret-app", SLACK_USER_TOKEN: "xoxp-3333-secret-user", SLACK_SIGNING_SECRET: "4444signingsecret" };

describe("Slack secrets in logs", () => {
  const saved = { ...process.env };
  afterEach(() => {
    for (const k of Object.keys(SECRETS)) delete process.env[k];
    Object.assign(process.env, saved);
  });

  it("are masked in messages, fields and Bolt's own lines", async () => {
    Object.assign(process.env, SECRETS);
    const out = new PassThrough();
    let text = "";
    out.on("data", (c) => (text += String(c)));
    const log = createLogger({ level: "debug", pretty: false, destination: out });
    log.info({ detail: `token ${SECRETS.SLACK_BOT_TOKEN}`, SLACK_SIGNING_SECRET: SECRETS.SLACK_SIGNING_SECRET }, `user ${SECRETS.SLACK_USER_TOKEN}`);
    boltLogger(log).warn("socket mode with", SECRETS.SLACK_APP_TOKEN, { headers: { authorization: `Bearer ${SECRETS.SLACK_BOT_TOKEN}` } });
    await new Promise((r) => setTimeout(r, 50));
    expect(text).toContain("[REDACTED]");
    for (const v of Object.values(SECRETS)) expect(text).not.toContain(v);
  });
});
