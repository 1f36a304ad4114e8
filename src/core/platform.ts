// The one interface a platform implements. Discord, Slack and replay adapters live in
// src/platforms/*; nothing in core, guidelines or moderation imports a platform library.
import type { Action, ActionKind, ActionOutcome } from "./actions.js";
import type { StewardEvent } from "./events.js";

export type PlatformName = "replay" | "discord" | "slack" | "facebook";

export type EventSink = (event: StewardEvent) => Promise<void>;

export interface PerformAttempt {
  /** 1 for the first attempt in this process. */
  number: number;
  /** The action may already have taken effect: an earlier attempt here, or one by a process that stopped or crashed. */
  mayBeRepeat: boolean;
}

export interface MemberInspection {
  present: boolean;
  protectedReason: string | null;
  /** Display name, when the platform knows it. */
  name?: string;
}

export interface PlatformAdapter {
  readonly platform: PlatformName;
  /** Actions this adapter can perform at all (a Slack bot cannot ban). Planning uses this. */
  capabilities(community: string): ReadonlySet<ActionKind>;
  /** Begin emitting events into the sink. Resolves once connected. */
  start(sink: EventSink): Promise<void>;
  /**
   * Perform one action. Never throws for platform refusals: they are outcomes. `attempt` (from the
   * outbox) says whether this action may have been tried before — a retry, or an action a crash cut
   * off — so an adapter whose platform cannot de-duplicate by itself can look before repeating it.
   */
  perform(action: Action, attempt?: PerformAttempt): Promise<ActionOutcome>;
  stop(): Promise<void>;
  /** For /healthz: a short state when connected ("ready"), or throws why not. */
  health?(): Promise<string>;
  /**
   * Before a moderator's command acts on a member: are they in the community, and why may Steward
   * not act on them (owner, administrator, moderator, role above Steward's), null when it may.
   * Without it, the pipeline knows only the members it has seen and the community's moderator roles.
   */
  inspectMember?(community: string, member: string): Promise<MemberInspection>;
  /**
   * Whether the platform itself would let `actor` do this to `target` (Discord: the matching permission such
   * as Ban Members, and a highest role above the target's), so Steward never lends a moderator powers the
   * platform gave them not. The reason when not, else null. `target` is null for actions on a channel.
   */
  actorMay?(community: string, actor: string, target: string | null, kind: ActionKind): Promise<string | null>;
}
