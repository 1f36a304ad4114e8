// One Steward process of the crash test: replays the event log crash-safely (outbox + checkpoint)
// into PostgreSQL, performing actions on the recorder over HTTP. The test kills it with SIGKILL
// at random moments and starts it again until it finishes.
//   node --import tsx test/reliability/crash/child.ts <events.jsonl> <database url> <recorder url>/<run>
import path from "node:path";
import { PassThrough } from "node:stream";
import { openStore } from "../../../src/store/index.js";
import { PrismaPersistence } from "../../../src/store/pipeline-writer.js";
import { PrismaOutbox } from "../../../src/store/outbox.js";
import { readCheckpoint } from "../../../src/store/checkpoints.js";
import { runReplay } from "../../../src/platforms/replay/run.js";
import { ReplayAdapter } from "../../../src/platforms/replay/adapter.js";
import { GuidelineLibrary } from "../../../src/guidelines/library.js";
import { SettingsProvider } from "../../../src/config/settings.js";
import { silentLogger } from "../../../src/log.js";
import type { Action, ActionOutcome } from "../../../src/core/actions.js";

/** Performs actions on the recorder as an adapter performs them on a platform: 429 and 5xx are temporary. */
class HttpPlatform extends ReplayAdapter {
  constructor(private readonly url: string) {
    super(0);
  }
  override async perform(a: Action): Promise<ActionOutcome> {
    this.count++;
    try {
      const res = await fetch(`${this.url}/perform`, { method: "POST", body: JSON.stringify(a), headers: { "content-type": "application/json" } });
      const body = (await res.json()) as { repeat?: boolean; retry_after?: number; message?: string };
      if (res.ok) return body.repeat ? { status: "done", detail: "already done (recognised)" } : { status: "done" };
      if (res.status === 429) return { status: "failed", detail: body.message ?? "429", retryable: true, retryAfterMs: (body.retry_after ?? 1) * 1000 };
      return { status: "failed", detail: body.message ?? String(res.status), retryable: res.status >= 500 };
    } catch (e) {
      return { status: "failed", detail: (e as Error).message, retryable: true };
    }
  }
}

const [file, databaseUrl, platformUrl] = process.argv.slice(2) as [string, string, string];
const store = await openStore({ databaseUrl, logger: silentLogger });
const source = path.resolve(file);
const library = await GuidelineLibrary.load(path.resolve("rules"));
const settings = new SettingsProvider(new Map());
const summary = await runReplay({
  file: source,
  library,
  settings,
  persistence: new PrismaPersistence(store.prisma),
  logger: silentLogger,
  out: new PassThrough(),
  err: process.stderr,
  quiet: true,
  progressEvery: 500,
  adapter: new HttpPlatform(platformUrl),
  outbox: { store: new PrismaOutbox(store.prisma), policy: { baseDelayMs: 5, maxDelayMs: 50 } },
  resume: { source, after: await readCheckpoint(store.prisma, source) },
});
await store.close();
process.stdout.write(JSON.stringify({ events: summary.events, decisions: summary.decisions, actions: summary.actions, seconds: summary.seconds }) + "\n");
