// The pipeline's port to the store: it loads a community once, then hands over batches of
// writes. src/store implements it on Prisma; the hot path never waits on a single row.
import type { CommunitySettings } from "../config/settings-schema.js";
import type { MemberState } from "./community-state.js";
import type { ActionOutcome } from "./actions.js";

export interface LoadedCommunity {
  dbId: string;
  nextCaseNumber: number;
  members: MemberState[];
}

export interface CaseWrite {
  community: string; // db id
  number: number;
  guideline: string;
  rule: string;
  kind: "automatic" | "manual";
  actor: string;
  member: string;
  channel: string | null;
  message: string | null;
  reason: string;
  explanation: string;
  status: "actioned" | "not_actioned" | "pending_review";
  evidence: unknown;
  actions: unknown;
  at: number;
}

export interface ActionLogWrite {
  community: string;
  caseNumber: number | null;
  kind: string;
  payload: unknown;
  outcome: ActionOutcome;
  at: number;
}

export interface StrikeWrite {
  community: string;
  member: string;
  caseNumber: number;
  points: number;
  at: number;
  expiresAt: number;
}

export interface ReviewWrite {
  community: string;
  kind: "message" | "member";
  caseNumber: number | null;
  member: string;
  payload: unknown;
  at: number;
}

/** Counts to add to a community's day (in its time zone). */
export interface DayDelta {
  community: string;
  day: string; // YYYY-MM-DD
  joins: number;
  leaves: number;
  messages: number;
  reactions: number;
  /** member id → [messages, reactions] that day */
  members: Map<string, [number, number]>;
  /** channel → messages that day */
  channels: Map<string, number>;
}

export interface WriteBatch {
  members: { community: string; member: MemberState }[];
  cases: CaseWrite[];
  /** Cases a later message joined (cooldown): extra evidence and actions appended. */
  caseAppends: { community: string; number: number; evidence: unknown; actions: unknown }[];
  actionLogs: ActionLogWrite[];
  strikes: StrikeWrite[];
  reviews: ReviewWrite[];
  days: DayDelta[];
}

export interface Persistence {
  loadCommunity(key: string, platform: string, settings: CommunitySettings): Promise<LoadedCommunity>;
  write(batch: WriteBatch): Promise<void>;
}

export function emptyBatch(): WriteBatch {
  return { members: [], cases: [], caseAppends: [], actionLogs: [], strikes: [], reviews: [], days: [] };
}

export function batchSize(b: WriteBatch): number {
  return b.members.length + b.cases.length + b.caseAppends.length + b.actionLogs.length + b.strikes.length + b.reviews.length + b.days.length;
}
