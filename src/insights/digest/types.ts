// What a weekly digest says, gathered from the store (gather.ts) and put into words (render.ts).

/** One week's figures (from the KPIs over the week's local days). */
export interface WeekFigures {
  /** ISO week, "2026-W47". */
  week: string;
  /** Local days, inclusive: "2026-11-16" … "2026-11-22". */
  from: string;
  to: string;
  membersEnd: number;
  joined: number;
  left: number;
  activeMembers: number;
  messages: number;
  firstResponseMedianMinutes: number | null;
  questions: number;
  unansweredQuestions: number;
}

export interface ModerationWeek {
  cases: number;
  automatic: number;
  manual: number;
  byGuideline: Record<string, number>;
  byAction: Record<string, number>;
}

export interface MessageItem {
  member: string;
  memberName: string | null;
  channel: string;
  message: string;
  text: string;
  at: number;
  /** A link to the message, when the platform has one. */
  link: string | null;
}

export interface DigestData {
  community: string;
  communityName: string;
  platform: string;
  timezone: string;
  thisWeek: WeekFigures;
  lastWeek: WeekFigures;
  moderation: ModerationWeek;
  review: { waiting: number; oldestAt: number | null };
  /** Praising messages of the week not yet asked for consent, strongest first. */
  testimonialCandidates: MessageItem[];
  /** Questions of the week nobody answered within 24 hours, oldest first. */
  unanswered: MessageItem[];
  topContributors: { member: string; name: string | null; messages: number; reactions: number }[];
  /** Daily active members and messages over the last 8 weeks, for the chart. */
  series: { day: string; activeMembers: number; messages: number }[];
  /** When the digest was made. */
  at: number;
}
