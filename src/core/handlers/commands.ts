// The moderator-commands handler: builds the context a command runs in from the pipeline's
// state (same case counter, same write batch, same way of performing actions) and dispatches.
import type { Action, ActionKind, ActionOutcome } from "../actions.js";
import type { CommunityState, MemberState } from "../community-state.js";
import { isModerator } from "../community-state.js";
import type { Persistence, WriteBatch } from "../persistence.js";
import type { PlatformAdapter } from "../platform.js";
import type { FallbackHints } from "../../moderation/fallback.js";
import type { CommandContext, GuidelineReload, ManualCase } from "../../commands/context.js";
import { contextInputs } from "../../guidelines/testing/context.js";
import { MemoryRateStore } from "../../guidelines/rates.js";

export interface CommandHost {
  adapter: PlatformAdapter;
  persistence: Persistence;
  /** The pending write batch (read at each call: flushes swap it). */
  batch(): WriteBatch;
  /** Performs an action and records it, with its outcome, in the action log. */
  performLogged(c: CommunityState, a: Action, caseNumber: number | null, at: number): Promise<ActionOutcome>;
  member(c: CommunityState, id: string): MemberState;
  reloadGuidelines(): Promise<GuidelineReload>;
  /** Onboarding's actions for a moderator's decision on an applicant. */
  applicantActions(c: CommunityState, member: MemberState, decision: "approve" | "decline", reasons: readonly string[]): Action[];
  /** Onboarding's raid mode: set it (or only ask, with null) at `at`. */
  raidMode(c: CommunityState, on: boolean | null, at: number): { active: boolean; actions: Action[] };
}

export function commandContext(host: CommandHost, c: CommunityState, invoker: MemberState, channel: string | undefined, at: number): CommandContext {
  return {
    platform: host.adapter.platform,
    community: c,
    invoker,
    invokerIsModerator: isModerator(c, invoker),
    channel,
    at,
    store: host.persistence,
    member: (id) => host.member(c, id),
    isModerator: (m) => isModerator(c, m),
    can: (kind: ActionKind) => host.adapter.capabilities(c.key).has(kind),
    adviceFor: (kind: ActionKind) => (host.adapter as PlatformAdapter & FallbackHints).manualAdvice?.(kind),
    async inspectMember(member) {
      if (host.adapter.inspectMember) return host.adapter.inspectMember(c.key, member);
      const known = c.members.get(member);
      return { present: !!known && known.leftAt === null, protectedReason: null, ...(known?.name ? { name: known.name } : {}) };
    },
    invokerMay: async (target, kind) => (host.adapter.actorMay ? host.adapter.actorMay(c.key, invoker.id, target, kind) : null),
    perform: (action, caseNumber) => host.performLogged(c, action, caseNumber, at),
    nextCaseNumber: () => c.nextCaseNumber++,
    recordCase: (k: ManualCase) => recordManualCase(host, c, invoker, k, at),
    queueReview(item) {
      host.batch().reviews.push({ community: c.dbId, kind: item.kind, caseNumber: item.caseNumber ?? null, member: item.member, payload: item.payload, at });
    },
    testText(text) {
      const inputs = contextInputs(
        text,
        { ...(channel ? { channel } : {}), community: { own_domains: c.settings.ownDomains, protected_names: c.settings.protectedNames, language: c.settings.language } },
        new MemoryRateStore(),
      );
      return c.guidelines.evaluate(inputs[inputs.length - 1]!);
    },
    reloadGuidelines: () => host.reloadGuidelines(),
    applicantActions: (member, decision, reasons = []) => host.applicantActions(c, host.member(c, member), decision, reasons),
    raidMode: (on) => host.raidMode(c, on, at),
  };
}

function recordManualCase(host: CommandHost, c: CommunityState, invoker: MemberState, k: ManualCase, at: number): void {
  // The member row must be in the same batch: cases and strikes are joined to it by platform id.
  const member = host.member(c, k.member);
  const batch = host.batch();
  batch.cases.push({
    community: c.dbId,
    number: k.number,
    guideline: "manual",
    rule: k.command,
    kind: "manual",
    actor: invoker.id,
    member: k.member,
    channel: k.channel ?? null,
    message: k.message ?? null,
    reason: k.reason,
    explanation: `manual ${k.command} by ${invoker.name ? `${invoker.name} (${invoker.id})` : invoker.id}`,
    status: k.status,
    evidence: { ...(k.evidence ?? {}), strikes: { added: k.strikes } },
    actions: k.outcomes,
    at,
  });
  if (k.strikes > 0) {
    batch.strikes.push({ community: c.dbId, member: k.member, caseNumber: k.number, points: k.strikes, at, expiresAt: at + c.guidelines.escalation.decayMs });
    member.moderation.strikes.push({ points: k.strikes, at, caseNumber: k.number });
  }
}
