// The route table itself, as later routes (Slack's POST /slack/events, /metrics) will use it:
// path parameters, 404 / 405 with Allow, POST bodies read up to the limit (413 beyond, also when
// the body comes chunked without a length), a failing route is a 500 that does not leak the error.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import net from "node:net";
import { HttpServer, sendText } from "../../src/http/server.js";

const errors: unknown[] = [];
const logger = { debug() {}, info() {}, warn() {}, error: (o: object) => void errors.push(o) };

function raw(port: number, request: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, "127.0.0.1");
    let data = "";
    socket.on("data", (c) => (data += String(c)));
    socket.on("close", () => resolve(data));
    socket.on("error", (e: NodeJS.ErrnoException) => (e.code === "ECONNRESET" || e.code === "EPIPE" ? resolve(data) : reject(e)));
    socket.write(request);
  });
}

describe("HttpServer", () => {
  const server = new HttpServer({
    logger,
    limits: { maxBodyBytes: 1000 },
    routes: [
      { method: "GET", path: "/items/:id", handle: ({ params }, res) => sendText(res, 200, `item ${params.id}`) },
      { method: "POST", path: "/hooks/in", handle: async ({ body }, res) => sendText(res, 200, `got ${(await body()).length} bytes`) },
      { method: "GET", path: "/boom", handle: () => { throw new Error("secret detail"); } },
    ],
  });
  let base = "";
  beforeAll(async () => {
    base = `http://127.0.0.1:${await server.listen(0, "127.0.0.1")}`;
  });
  afterAll(() => server.close());

  it("routes by path with parameters; anything else is 404", async () => {
    expect(await (await fetch(`${base}/items/a%20b`)).text()).toBe("item a b\n");
    expect((await fetch(`${base}/items`)).status).toBe(404);
    expect((await fetch(`${base}/items/1/2`)).status).toBe(404);
    expect((await fetch(`${base}/`)).status).toBe(404);
  });

  it("answers 405 with Allow for a known path and another method; HEAD is GET without a body", async () => {
    const put = await fetch(`${base}/hooks/in`, { method: "PUT", body: "x" });
    expect([put.status, put.headers.get("allow")]).toEqual([405, "POST"]);
    const get = await fetch(`${base}/hooks/in`);
    expect([get.status, get.headers.get("allow")]).toEqual([405, "POST"]);
    const head = await fetch(`${base}/items/7`, { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe("");
  });

  it("reads a POST body up to the limit, and answers 413 beyond it, declared or chunked", async () => {
    expect(await (await fetch(`${base}/hooks/in`, { method: "POST", body: "a".repeat(1000) })).text()).toBe("got 1000 bytes\n");
    expect((await fetch(`${base}/hooks/in`, { method: "POST", body: "a".repeat(1001) })).status).toBe(413);
    const chunk = "a".repeat(600);
    const chunked = await raw(Number(new URL(base).port), `POST /hooks/in HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n${(600).toString(16)}\r\n${chunk}\r\n${(600).toString(16)}\r\n${chunk}\r\n0\r\n\r\n`);
    expect(chunked).toMatch(/^HTTP\/1\.1 413 /);
  });

  it("turns a failing route into a 500 without the error's text, and logs it", async () => {
    const r = await fetch(`${base}/boom`);
    expect(r.status).toBe(500);
    expect(await r.text()).toBe("internal error\n");
    expect(errors).toHaveLength(1);
  });

  it("refuses a second route on the same method and path", () => {
    expect(() => server.add({ method: "GET", path: "/items/:id", handle: () => {} })).toThrow(/already taken/);
  });
});
