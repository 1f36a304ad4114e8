// What a command handler may use: the community's in-memory state, the store (reads see every
// write made before the command), and the pipeline's way of acting and recording.
import type { Action, ActionOutcome } from "../core/actions.js";
import type { CommunityState, MemberState } from "../core/community-state.js";
import type { CommandStore } from "../core/persistence.js";
import type { MemberInspection, PlatformName } from "../core/platform.js";
import type { RuleHit } from "../guidelines/api.js";

export interface ManualCase {
  number: number;
  /** The command that made it: "ban", "warn", "review reject" … (stored as the case's rule, guideline "manual"). */
  command: string;
  member: string;
  channel?: string | null;
  message?: string | null;
  reason: string;
  status: "actioned" | "not_actioned";
  /** Outcomes of the case's actions, as automatic cases record them. */
  outcomes: { action: string; status: ActionOutcome["status"]; detail?: string }[];
  strikes: number;
  evidence?: Record<string, unknown>;
}

export interface GuidelineReload {
  ok: boolean;
  /** Rules now in use, or the loader's errors. */
  detail: string;
}

export interface CommandContext {
  platform: PlatformName;
  community: CommunityState;
  /** Who invoked the command. */
  invoker: MemberState;
  invokerIsModerator: boolean;
  /** Where it was invoked, when the platform says. */
  channel: string | undefined;
  /** The event's time (ms). */
  at: number;
  store: CommandStore;
  /** The in-memory state of a member (created when unknown). */
  member(id: string): MemberState;
  isModerator(m: MemberState): boolean;
  /** Whether the platform can perform this kind of action at all. */
  can(kind: Action["kind"]): boolean;
  /** What a person can do where the platform does not let Steward do `kind` (the adapter's FallbackHints), if it says. */
  adviceFor(kind: Action["kind"]): string | undefined;
  /** Asks the platform whether the member is in the community and why it may not act on them (null: it may). */
  inspectMember(member: string): Promise<MemberInspection>;
  /** Why the platform would not let the invoker do `kind` to `target` themselves (null: it would). */
  invokerMay(target: string | null, kind: Action["kind"]): Promise<string | null>;
  /** Performs one action (awaited) and logs it in the action log under the case. */
  perform(action: Action, caseNumber: number | null): Promise<ActionOutcome>;
  /** Takes the next number from the community's case counter (shared with automatic cases). */
  nextCaseNumber(): number;
  /** Queues the case (and its strikes) in the write batch and adds the strikes to the member's state. */
  recordCase(c: ManualCase): void;
  /** Queues an item for the review queue (/review list). */
  queueReview(item: { kind: "message" | "member"; member: string; caseNumber?: number; payload: Record<string, unknown> }): void;
  /** Judges a text as an established member's message in the community's channel (no state changes). */
  testText(text: string): RuleHit[];
  /** Reloads the rules folder for every community; on errors the old rules stay. */
  reloadGuidelines(): Promise<GuidelineReload>;
  /**
   * What admitting (approve) or turning away (decline) an applicant takes, exactly as onboarding's
   * own screening decides it: admission, the member role and the welcome; or the reasons by DM and
   * the decline. Not performed: the command performs each.
   */
  applicantActions(member: string, decision: "approve" | "decline", reasons?: readonly string[]): Action[];
  /**
   * Turns the raid guard's raid mode on or off (null: only asks). Returns whether it is on now and
   * the alerts onboarding sends for the change (not performed: the command performs them).
   */
  raidMode(on: boolean | null): { active: boolean; actions: Action[] };
}
