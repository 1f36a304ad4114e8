// What the pipeline keeps in memory per community: members, their moderation state and the
// next case number. Loaded from the store on first use; changes are written behind in batches.
import type { CommunitySettings } from "../config/settings-schema.js";
import type { GuidelineSet } from "../guidelines/api.js";
import type { MemberModerationState } from "../moderation/decide.js";

export interface MemberState {
  id: string;
  name?: string;
  roles: string[];
  joinedAt: number | null;
  leftAt: number | null;
  messageCount: number;
  lastActiveAt: number | null;
  /** When onboarding's follow-up nudge went out (sent once). */
  nudgedAt: number | null;
  moderation: MemberModerationState;
}

export interface CommunityState {
  /** Store id of the community row. */
  dbId: string;
  key: string;
  settings: CommunitySettings;
  guidelines: GuidelineSet;
  members: Map<string, MemberState>;
  nextCaseNumber: number;
  moderatorRoles: Set<string>;
}

export function newMember(id: string): MemberState {
  return { id, roles: [], joinedAt: null, leftAt: null, messageCount: 0, lastActiveAt: null, nudgedAt: null, moderation: { strikes: [], recent: new Map() } };
}

export function isModerator(c: CommunityState, m: MemberState): boolean {
  for (const r of m.roles) if (c.moderatorRoles.has(r.toLowerCase())) return true;
  return false;
}
