// The pipeline's port to the store: it loads a community once, then hands over batches of
// writes. src/store implements it on Prisma; the hot path never waits on a single row.
import type { CommunitySettings } from "../config/settings-schema.js";
import type { MemberState } from "./community-state.js";
import type { ActionOutcome } from "./actions.js";
import type { Testimonial, TestimonialStore } from "../testimonials/record.js";
import type { SpanWrite } from "../insights/membership.js";
export type { SpanWrite } from "../insights/membership.js";
import type { LinkStore } from "../insights/links.js";
import type { OutboxEntry } from "./outbox/store.js";
import type { OpenQuestion } from "../insights/open-questions.js";

export interface LoadedCommunity {
  dbId: string;
  nextCaseNumber: number;
  members: MemberState[];
  /** Questions still without a first reply (oldest first), so a restart keeps waiting for their answers. */
  openQuestions?: OpenQuestion[];
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
  /** Already decided (an applicant screening approved or declined on its own, kept for the record); default pending. */
  status?: "pending" | "approved" | "rejected";
  /** Who decided, when decided. */
  decidedBy?: string;
}

/** A message that asks (src/insights/questions.ts). */
export interface QuestionWrite {
  community: string; // db id
  message: string;
  channel: string;
  thread: string | null;
  asker: string;
  text: string;
  at: number;
}

/** The first reply to a question by someone else (src/insights/open-questions.ts). */
export interface AnswerWrite {
  community: string; // db id
  question: string;
  message: string;
  by: string;
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
  /** Questions asked that day, and how many of them got their first reply (counted on the asking day). */
  questions: number;
  answered: number;
  /** member id → [messages, reactions] that day */
  members: Map<string, [number, number]>;
  /** channel → messages that day */
  channels: Map<string, number>;
}

export interface WriteBatch {
  members: { community: string; member: MemberState }[];
  cases: CaseWrite[];
  /** Outcomes of a case's actions, known after the case was written (outbox mode): they replace its pending rows. */
  caseActions: { community: string; number: number; actions: unknown }[];
  /** The last line of the replayed event log whose effects this batch completes (WriteBatch written → resume after it). */
  checkpoint?: { source: string; line: number };
  /** Cases a later message joined (cooldown): extra evidence and actions appended. */
  caseAppends: { community: string; number: number; evidence: unknown; actions: unknown }[];
  actionLogs: ActionLogWrite[];
  strikes: StrikeWrite[];
  reviews: ReviewWrite[];
  days: DayDelta[];
  /** Praising messages suggested as testimonials; a message that already has one keeps it. */
  suggestions: { community: string; testimonial: Testimonial }[];
  /** Insights rollups: questions asked, their first replies, membership spans. */
  questions: QuestionWrite[];
  answers: AnswerWrite[];
  spans: SpanWrite[];
}

export type CaseStatus = "actioned" | "not_actioned" | "pending_review" | "reverted";

export interface CaseNote {
  /** Platform id of the moderator. */
  by: string;
  text: string;
  at: number;
}

/** A case as moderator commands show it. `community` arguments below are store ids (CommunityState.dbId). */
export interface CaseView {
  number: number;
  kind: "automatic" | "manual";
  guideline: string | null;
  rule: string | null;
  /** "steward" for automatic cases, the moderator's platform id for manual ones. */
  actor: string | null;
  member: string | null;
  channel: string | null;
  message: string | null;
  reason: string;
  explanation: string | null;
  status: CaseStatus;
  /** Outcomes recorded for the case's actions: [{ action, status, detail? }]. */
  actions: unknown;
  evidence: unknown;
  notes: CaseNote[];
  /** Strike points the case gave (cleared ones excluded). */
  strikes: number;
  at: number;
}

export interface StrikeView {
  points: number;
  at: number;
  expiresAt: number | null;
  caseNumber: number | null;
  cleared: boolean;
}

export interface ReviewView {
  id: string;
  kind: "message" | "member";
  status: "pending" | "approved" | "rejected";
  member: string | null;
  caseNumber: number | null;
  /** Held message: { channel, message, text }; reports add reportedBy. */
  payload: Record<string, unknown>;
  at: number;
  decidedBy: string | null;
}

export interface CaseChange {
  reason?: string;
  note?: CaseNote;
  status?: CaseStatus;
}

/** What moderator commands read and change directly (callers flush pending batches first). */
export interface CommandStore {
  getCase(community: string, number: number): Promise<CaseView | null>;
  /** The member's cases, newest first. */
  memberCases(community: string, member: string, limit: number): Promise<CaseView[]>;
  /** The member's strikes, newest first (cleared ones included, flagged). */
  memberStrikes(community: string, member: string): Promise<StrikeView[]>;
  /** False when there is no such case. */
  updateCase(community: string, number: number, change: CaseChange): Promise<boolean>;
  /** Clears the member's uncleared strikes (only those of one case when given); returns the points cleared. */
  clearStrikes(community: string, member: string, caseNumber?: number): Promise<number>;
  /** Pending review items, oldest first. */
  pendingReviews(community: string, limit: number): Promise<ReviewView[]>;
  getReview(community: string, id: string): Promise<ReviewView | null>;
  /** Marks a pending item decided; false when it is not pending (unknown, or already decided). */
  decideReview(community: string, id: string, decision: "approved" | "rejected", by: string, at: number): Promise<boolean>;
  /** Tracked links (/link create); without it, the command says links are not available here. */
  readonly links?: LinkStore;
}

export interface Persistence extends CommandStore {
  loadCommunity(key: string, platform: string, settings: CommunitySettings): Promise<LoadedCommunity>;
  /**
   * Outbox mode: numbers and writes an automatic case now, with its actions stored in the outbox, in
   * one transaction (several instances on one database never share a number; a crash keeps all or
   * none). `entries(n)` gives the actions keyed for case number n. The same rule on the same message
   * again (an event handled a second time after a crash) returns the case already written.
   */
  openCase?(write: CaseWrite, entries: (n: number) => OutboxEntry[]): Promise<{ number: number; existing: boolean }>;
  /**
   * Outbox mode, at start: cases whose actions were settled in the outbox after the case was last
   * written (a crash came in between) get their outcome rows rebuilt from the outbox. Returns how many.
   */
  reconcileCases?(): Promise<number>;
  /** The next free case number in the store (before a moderator's command numbers one, with several instances). */
  nextCaseNumber?(community: string): Promise<number>;
  write(batch: WriteBatch): Promise<void>;
  /** Testimonials (src/testimonials/); without it, moderators' reactions capture nothing. */
  readonly testimonials?: TestimonialStore;
}

export function emptyBatch(): WriteBatch {
  return { members: [], cases: [], caseActions: [], caseAppends: [], actionLogs: [], strikes: [], reviews: [], days: [], suggestions: [], questions: [], answers: [], spans: [] };
}

export function batchSize(b: WriteBatch): number {
  return (b.checkpoint ? 1 : 0) + b.members.length + b.cases.length + b.caseActions.length + b.caseAppends.length + b.actionLogs.length + b.strikes.length + b.reviews.length + b.days.length + b.suggestions.length + b.questions.length + b.answers.length + b.spans.length;
}
