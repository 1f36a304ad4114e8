import { afterEach, describe, expect, it } from "vitest";
import { PassThrough } from "node:stream";
import { createLogger, maskSecrets } from "../../src/log.js";

const token = "MTIzNDU2Nzg5MDEyMzQ1Njc4.GaBcDe.fake-token-value-for-tests";

function capture() {
  const stream = new PassThrough();
  const chunks: string[] = [];
  stream.on("data", (c) => chunks.push(String(c)));
  return { stream, text: () => chunks.join("") };
}

describe("logging", () => {
  afterEach(() => {
    delete process.env.DISCORD_TOKEN;
    delete process.env.DATABASE_URL;
  });

  it("writes JSON lines when not a terminal", async () => {
    const c = capture();
    const log = createLogger({ pretty: false, destination: c.stream });
    log.info({ community: "acme" }, "hello");
    await new Promise((r) => setImmediate(r));
    const line = JSON.parse(c.text().trim());
    expect(line).toMatchObject({ msg: "hello", community: "acme", level: 30 });
  });

  it("never lets a token or database password reach the logs", async () => {
    process.env.DISCORD_TOKEN = token;
    process.env.DATABASE_URL = "postgresql://steward:s3cret-pass@db:5432/steward";
    const c = capture();
    const log = createLogger({ pretty: false, destination: c.stream });
    log.info({ token, headers: { authorization: `Bot ${token}` } }, "connecting");
    log.error(`login failed with ${token}`);
    log.warn({ detail: `could not reach postgresql://steward:s3cret-pass@db:5432/steward` }, "db");
    log.info({ config: { DISCORD_TOKEN: token, nested: { note: `x ${token} y` } } }, "config");
    await new Promise((r) => setImmediate(r));
    const out = c.text();
    expect(out).not.toContain(token);
    expect(out).not.toContain("s3cret-pass");
    expect(out).toContain("[REDACTED]");
    expect(out.split("\n").filter(Boolean)).toHaveLength(4);
  });

  it("masks secret values inside any string", () => {
    process.env.DISCORD_TOKEN = token;
    expect(maskSecrets(`Authorization: Bot ${token}`)).toBe("Authorization: Bot [REDACTED]");
  });
});
