// The real pipeline on the replay adapter (actions recorded, not sent), for the platform-neutral
// command handlers. Events are built here; `command()` returns the reply the invoker got.
import path from "node:path";
import { Pipeline, type CommandRecord, type DecisionRecord } from "../../src/core/pipeline.js";
import type { Persistence } from "../../src/core/persistence.js";
import { MemoryPersistence } from "../../src/core/memory-persistence.js";
import { ReplayAdapter } from "../../src/platforms/replay/adapter.js";
import { GuidelineLibrary } from "../../src/guidelines/library.js";
import { SettingsProvider } from "../../src/config/settings.js";
import { defaultSettings, type CommunitySettings } from "../../src/config/settings-schema.js";
import { silentLogger } from "../../src/log.js";
import type { Action } from "../../src/core/actions.js";
import type { StewardEventInput } from "../../src/core/events.js";
import { stewardEvent } from "../../src/core/events.js";
import { replyText } from "../../src/core/reply.js";

export const COMMUNITY = "acme";
export const MOD = "mod-1";
export const MOD2 = "mod-2";
export const ALICE = "alice";
export const BOB = "bob";

export class Harness {
  readonly adapter = new ReplayAdapter();
  readonly decisions: DecisionRecord[] = [];
  readonly commands: CommandRecord[] = [];
  pipeline!: Pipeline;
  private clock = Date.parse("2026-10-01T09:00:00Z");

  constructor(
    readonly persistence: Persistence = new MemoryPersistence(),
    /** Settings on top of the defaults (e.g. an onboarding section). */
    private readonly overrides: Partial<CommunitySettings> = {},
  ) {}

  async start(rulesDir = path.resolve("test/fixtures/rules")): Promise<this> {
    const library = await GuidelineLibrary.load(rulesDir);
    const settings = new SettingsProvider(new Map([[COMMUNITY, { ...defaultSettings(COMMUNITY), name: "Acme Crafts", moderatorRoles: ["mod"], ...this.overrides }]]));
    this.pipeline = new Pipeline({
      adapter: this.adapter,
      persistence: this.persistence,
      settings,
      library,
      logger: silentLogger,
      onDecision: (d) => this.decisions.push(d),
      onCommand: (r) => this.commands.push(r),
    });
    await this.send({ type: "member.joined", member: { id: MOD, name: "Mona", roles: ["mod"] } }, 2 * 86_400_000);
    await this.send({ type: "member.joined", member: { id: MOD2, name: "Max", roles: ["mod"] } });
    await this.send({ type: "member.joined", member: { id: ALICE, name: "Alice", roles: [] } });
    await this.send({ type: "member.joined", member: { id: BOB, name: "Bob", roles: [] } });
    return this;
  }

  /** Sends an event `advanceMs` after the previous one. */
  async send(e: Record<string, unknown>, advanceMs = 1000): Promise<void> {
    this.clock += advanceMs;
    const event = stewardEvent.parse({ community: COMMUNITY, at: new Date(this.clock).toISOString(), ...e } as StewardEventInput);
    await this.pipeline.handle(event);
  }

  async post(author: string, text: string, id: string, channel = "general"): Promise<DecisionRecord | undefined> {
    const before = this.decisions.length;
    await this.send({ type: "message.created", channel, message: { id, author, text } }, 3_600_000);
    return this.decisions[before];
  }

  /** Runs a command as `member` (roles from the pipeline's state unless given) and returns the reply as text and data. */
  async command(member: string, command: string, options: Record<string, unknown> = {}, channel = "general") {
    const before = this.commands.length;
    await this.send({ type: "command.invoked", member, command, options, channel, replyHandle: `h-${before}` });
    return this.lastReply(before);
  }

  async press(member: string, customId: string) {
    const before = this.commands.length;
    await this.send({ type: "interaction.responded", member, customId, channel: "general", replyHandle: `b-${before}` });
    return this.lastReply(before);
  }

  private lastReply(before: number) {
    const r = this.commands[before];
    if (!r) throw new Error("no command record");
    return { ...r.reply, text: replyText(r.reply) };
  }

  performed<K extends Action["kind"]>(kind: K): Extract<Action, { kind: K }>[] {
    return this.adapter.performed.filter((a): a is Extract<Action, { kind: K }> => a.kind === kind);
  }
}
