// One Steward on Slack for a test file: the fake Slack Web API, Steward's HTTP server with the real
// Bolt receiver at /slack/events, the Slack adapter and the real pipeline on an in-memory store.
import { HttpServer, healthRoute } from "../../src/http/index.js";
import { SlackAdapter, SlackSettingsProvider } from "../../src/platforms/slack/index.js";
import type { SlackApiTuning } from "../../src/platforms/slack/api-client.js";
import { Pipeline, type CommandRecord, type DecisionRecord } from "../../src/core/pipeline.js";
import type { OnboardingRecord } from "../../src/core/handlers/onboarding-effects.js";
import { GuidelineLibrary, defaultRulesDir } from "../../src/guidelines/library.js";
import { communitySettingsSchema, type CommunitySettings } from "../../src/config/settings-schema.js";
import { openMemoryStore, type Store } from "../../src/store/index.js";
import { PrismaPersistence } from "../../src/store/pipeline-writer.js";
import { silentLogger } from "../../src/log.js";
import { FakeSlack, deliverCommand, deliverEvent, type FakeSlackSeed } from "../fake-slack/index.js";

export const SECRET = "test-signing-secret-0123456789";
export const TEAM = "T0STEWARD";

export interface HarnessOptions {
  userToken?: string;
  seed?: FakeSlackSeed;
  /** Socket Mode (SLACK_APP_TOKEN) instead of HTTP. */
  socket?: boolean;
  /** The workspace's settings file, as YAML would give it. */
  settings?: Record<string, unknown>;
  /** The Web API clients' retries and timeout. */
  api?: SlackApiTuning;
  /** Socket Mode's ping timeout, also the step of its reconnect delay. */
  socketPingTimeoutMs?: number;
}

export class SlackHarness {
  readonly fake: FakeSlack;
  readonly decisions: DecisionRecord[] = [];
  readonly commands: CommandRecord[] = [];
  readonly onboarding: OnboardingRecord[] = [];
  store!: Store;
  server!: HttpServer;
  adapter!: SlackAdapter;
  pipeline!: Pipeline;

  constructor(private readonly o: HarnessOptions = {}) {
    this.fake = new FakeSlack(o.seed);
  }

  get eventsUrl(): string {
    return `http://127.0.0.1:${this.server.port}/slack/events`;
  }

  async start(): Promise<this> {
    await this.fake.start();
    this.store = await openMemoryStore();
    this.server = new HttpServer({ routes: [healthRoute()], logger: silentLogger });
    await this.server.listen(0, "127.0.0.1");
    const library = await GuidelineLibrary.load(defaultRulesDir());
    const byCommunity = new Map<string, CommunitySettings>();
    if (this.o.settings) byCommunity.set(TEAM, { ...communitySettingsSchema.parse(this.o.settings), community: TEAM });
    const settings = new SlackSettingsProvider(byCommunity);
    await library.prepare(settings.all());
    this.adapter = new SlackAdapter({
      botToken: "xoxb-fake-bot",
      ...(this.o.userToken ? { userToken: this.o.userToken } : {}),
      ...(this.o.socket ? { appToken: "xapp-fake-app" } : { signingSecret: SECRET, http: this.server }),
      apiUrl: this.fake.apiUrl,
      ...(this.o.api ? { api: this.o.api } : {}),
      ...(this.o.socketPingTimeoutMs ? { socketPingTimeoutMs: this.o.socketPingTimeoutMs } : {}),
      logger: silentLogger,
      communitySettings: (c) => settings.get(c),
    });
    this.pipeline = new Pipeline({
      adapter: this.adapter,
      persistence: new PrismaPersistence(this.store.prisma),
      settings,
      library,
      logger: silentLogger,
      onDecision: (d) => this.decisions.push(d),
      onCommand: (r) => this.commands.push(r),
      onOnboarding: (r) => this.onboarding.push(r),
    });
    await this.adapter.start((e) => this.pipeline.handle(e));
    return this;
  }

  async stop(): Promise<void> {
    await this.adapter?.stop();
    await this.pipeline?.flush();
    await this.server?.close(100);
    await this.store?.close();
    await this.fake.stop();
  }

  /** A person posts in a channel: Slack stores the message and delivers the event. */
  async say(user: string, channel: string, text: string): Promise<{ ts: string; status: number }> {
    const m = this.fake.post(channel, user, text);
    const r = await deliverEvent(this.eventsUrl, SECRET, TEAM, { type: "message", channel, channel_type: channel.startsWith("G") || channel === "CMODLOG01" ? "group" : "channel", user, text, ts: m.ts, event_ts: m.ts, team: TEAM });
    return { ts: m.ts, status: r.status };
  }

  async decisionOn(ts: string, timeoutMs = 5000): Promise<DecisionRecord> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const d = this.decisions.find((x) => x.message === ts);
      if (d) return d;
      if (Date.now() > deadline) throw new Error(`no decision on ${ts}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  /** Runs /steward <text> as `user` and resolves with the reply posted to the response_url. */
  async command(user: string, text: string, channel = "CGENERAL1"): Promise<{ status: number; reply: Record<string, unknown>; record: CommandRecord | undefined }> {
    const since = this.fake.responses.length;
    const before = this.commands.length;
    const r = await deliverCommand(this.eventsUrl, SECRET, { team: TEAM, user, channel, text, responseUrl: this.fake.responseUrl() });
    const reply = (await this.fake.waitForResponse(since)).body;
    // The pipeline reports the command once its answer is delivered, just after Slack got it.
    for (let i = 0; i < 50 && !this.commands[before]; i++) await new Promise((res) => setTimeout(res, 10));
    return { status: r.status, reply, record: this.commands[before] };
  }
}
