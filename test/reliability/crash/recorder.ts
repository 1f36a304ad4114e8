// A fake platform for the crash test: it runs in the test process (so it outlives the Steward
// processes killed with SIGKILL) and answers POST /<run>/perform as a platform would. It models
// what real platforms do with a repeat: a create with a nonce already seen returns the earlier
// message (Discord's enforce_nonce), a delete of a message already gone is recognised (404), a
// timeout or ban applied again changes nothing. So an effect happens once per key, and every call
// is recorded, repeats included, for the test to count. It also answers some calls with 429
// (retry_after) or 500, so retries run in the same test.
import http from "node:http";
import type { AddressInfo } from "node:net";
import type { Action } from "../../../src/core/actions.js";

export interface RunRecord {
  /** Every call, in arrival order: [key, kind]. */
  calls: [string, string][];
  /** The first call of each key: the effect. */
  effects: Map<string, Action>;
  repeats: number;
  injected: { rateLimited: number; serverErrors: number };
}

export class Recorder {
  readonly runs = new Map<string, RunRecord>();
  private server!: http.Server;
  url = "";

  constructor(private readonly faults = { rateLimited: 0.02, serverErrors: 0.01 }) {}

  run(name: string): RunRecord {
    let r = this.runs.get(name);
    if (!r) this.runs.set(name, (r = { calls: [], effects: new Map(), repeats: 0, injected: { rateLimited: 0, serverErrors: 0 } }));
    return r;
  }

  async start(): Promise<void> {
    this.server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        const name = /^\/([\w-]+)\/perform$/.exec(req.url ?? "")?.[1];
        if (req.method !== "POST" || !name) return void res.writeHead(404).end();
        const action = JSON.parse(Buffer.concat(chunks).toString("utf8")) as Action;
        const r = this.run(name);
        const answer = (status: number, body: object) => res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
        if (!action.key) return answer(400, { message: "no idempotency key" });
        const roll = Math.random();
        if (roll < this.faults.rateLimited) {
          r.injected.rateLimited++;
          return answer(429, { message: "You are being rate limited.", retry_after: 0.005, global: false });
        }
        if (roll < this.faults.rateLimited + this.faults.serverErrors) {
          r.injected.serverErrors++;
          return answer(500, { message: "500: Internal Server Error" });
        }
        r.calls.push([action.key, action.kind]);
        if (r.effects.has(action.key)) {
          r.repeats++;
          return answer(200, { repeat: true });
        }
        r.effects.set(action.key, action);
        answer(200, { repeat: false });
      });
    });
    await new Promise<void>((resolve) => this.server.listen(0, "127.0.0.1", resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
