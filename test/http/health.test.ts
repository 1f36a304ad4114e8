// GET /healthz with checks (issue 9): 200 with each check's state when all pass, 503 with the
// reason when one fails or does not answer in time.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Health, HttpServer } from "../../src/http/server.js";

const logger = { debug() {}, info() {}, warn() {}, error() {} };

describe("/healthz", () => {
  const health = new Health(200);
  const server = new HttpServer({ logger, routes: [health.route()] });
  let base = "";
  let dbUp = true;
  beforeAll(async () => {
    base = `http://127.0.0.1:${await server.listen(0, "127.0.0.1")}`;
  });
  afterAll(() => server.close());

  it("is ok with no checks, then reports each check as it is added", async () => {
    expect(await (await fetch(`${base}/healthz`)).text()).toBe("ok\n");
    health.add("database", async () => {
      if (!dbUp) throw new Error("connection refused");
      return "ok";
    });
    health.add("discord", async () => "ready, 1 guilds");
    const r = await fetch(`${base}/healthz`);
    expect([r.status, await r.text()]).toEqual([200, "ok\ndatabase: ok\ndiscord: ready, 1 guilds\n"]);
  });

  it("is 503 with the reason when a check fails or hangs", async () => {
    dbUp = false;
    const down = await fetch(`${base}/healthz`);
    expect([down.status, await down.text()]).toEqual([503, "unhealthy\ndatabase: connection refused\ndiscord: ready, 1 guilds\n"]);
    dbUp = true;
    health.add("discord", () => new Promise<string>(() => {}));
    const hung = await fetch(`${base}/healthz`);
    expect([hung.status, await hung.text()]).toEqual([503, "unhealthy\ndatabase: ok\ndiscord: no answer within 200 ms\n"]);
  });
});
