// Membership-question screening: an applicant's answers → approve, decline or review, with the
// score and every reason. The same code serves Discord's modal, replayed `screening.answered`
// events and Facebook's exported answers. Decline beats review beats approve.
import { RE2JS } from "re2js";
import type { Question, ScreeningSettings } from "./settings.js";
import { keyOfAnswer, type CustomerDirectory } from "./customers.js";

export type ScreeningDecision = "approve" | "decline" | "review";
export type Answer = string | string[] | boolean;

export interface Applicant {
  community: string;
  answers: Readonly<Record<string, Answer>>;
  /** Platform hints, when known. */
  accountCreatedAt?: number;
  avatar?: boolean;
  at: number;
}

export interface Verification {
  question: string;
  key: "order" | "email";
  value: string;
  found: boolean;
}

export interface ScreeningResult {
  decision: ScreeningDecision;
  score: number;
  /** Why, for moderators (every finding, in order). */
  reasons: string[];
  /** Why, for a declined applicant (only what caused the decline). */
  declineReasons: string[];
  /** The answers as read (trimmed text), by question id. */
  answers: Record<string, string>;
  verifications: Verification[];
}

const compiledPatterns = new Map<string, RE2JS>();
function patternOf(source: string): RE2JS {
  let re = compiledPatterns.get(source);
  if (!re) compiledPatterns.set(source, (re = RE2JS.compile(source, RE2JS.CASE_INSENSITIVE)));
  return re;
}

/** Whether a pattern compiles (settings validation uses it to refuse a bad one at load). */
export function patternError(source: string): string | null {
  try {
    patternOf(source);
    return null;
  } catch (e) {
    return (e as Error).message;
  }
}

function asText(a: Answer | undefined): string {
  if (a === undefined) return "";
  if (typeof a === "boolean") return a ? "yes" : "";
  return (Array.isArray(a) ? a.join(", ") : a).trim();
}

const AGREED = new Set(["yes", "y", "true", "agree", "i agree", "agreed", "ok", "হ্যাঁ", "হ্যা", "ji", "haan", "ha"]);

/** Words of a red-flag list found in an answer, matched on word boundaries, any case. */
function redFlagsIn(text: string, flags: readonly string[]): string[] {
  const lower = ` ${text.toLowerCase().replace(/[^\p{L}\p{N}@.]+/gu, " ")} `;
  return flags.filter((f) => lower.includes(` ${f.toLowerCase().trim()} `));
}

interface Finding {
  outcome: ScreeningDecision;
  reason: string;
}

function checkQuestion(q: Question, raw: Answer | undefined, text: string): { findings: Finding[]; valid: boolean; points: number } {
  const findings: Finding[] = [];
  const label = `"${q.label}"`;
  // `false` is an answer (to an agree question: no), an empty one is not.
  if (!text && typeof raw !== "boolean") {
    if (q.required) findings.push({ outcome: "decline", reason: `${label} was not answered` });
    return { findings, valid: !q.required, points: 0 };
  }
  if (q.type === "agree") {
    const yes = raw === true || AGREED.has(text.toLowerCase());
    if (!yes) findings.push({ outcome: "decline", reason: `${label} was not agreed to` });
    return { findings, valid: yes, points: yes ? q.score : 0 };
  }
  if (q.type === "choice") {
    const picked = (Array.isArray(raw) ? raw : [text]).map((v) => String(v).trim().toLowerCase());
    const chosen = q.choices!.filter((c) => picked.includes(c.value.toLowerCase()));
    if (!chosen.length) {
      findings.push({ outcome: "decline", reason: `${label}: "${text}" is not one of the choices (${q.choices!.map((c) => c.value).join(", ")})` });
      return { findings, valid: false, points: 0 };
    }
    for (const c of chosen) if (c.redFlag) findings.push({ outcome: "review", reason: `${label}: chose "${c.value}" (a red flag)` });
    return { findings, valid: true, points: chosen.reduce((s, c) => s + c.score, 0) };
  }
  let valid = true;
  if (q.minLength !== undefined && text.length < q.minLength) {
    findings.push({ outcome: "decline", reason: `${label} needs at least ${q.minLength} characters (got ${text.length})` });
    valid = false;
  }
  if (text.length > q.maxLength) {
    findings.push({ outcome: "decline", reason: `${label} is longer than ${q.maxLength} characters` });
    valid = false;
  }
  if (q.pattern && !patternOf(q.pattern).matcher(text).find()) {
    findings.push({ outcome: "decline", reason: `${label}: ${q.patternHint ?? `"${text}" is not in the expected form`}` });
    valid = false;
  }
  const flags = redFlagsIn(text, q.redFlags);
  if (flags.length) findings.push({ outcome: "review", reason: `${label} mentions ${flags.map((f) => `"${f}"`).join(", ")} (a red flag)` });
  return { findings, valid, points: valid ? q.score : 0 };
}

const RANK: Record<ScreeningDecision, number> = { approve: 0, review: 1, decline: 2 };

export async function screenApplicant(settings: ScreeningSettings, applicant: Applicant, customers: CustomerDirectory | null): Promise<ScreeningResult> {
  const reasons: string[] = [];
  const declineReasons: string[] = [];
  const answers: Record<string, string> = {};
  const verifications: Verification[] = [];
  let decision: ScreeningDecision = "approve";
  let score = 0;
  const note = (f: Finding, outcomeOverride?: ScreeningDecision) => {
    const outcome = outcomeOverride ?? f.outcome;
    reasons.push(f.reason);
    if (outcome === "decline") declineReasons.push(f.reason);
    if (RANK[outcome] > RANK[decision]) decision = outcome;
  };

  for (const q of settings.questions) {
    const raw = applicant.answers[q.id];
    const text = asText(raw);
    answers[q.id] = text;
    const r = checkQuestion(q, raw, text);
    // Red flags go where the community wants them (review by default, or decline).
    for (const f of r.findings) note(f, f.outcome === "review" ? settings.redFlag : undefined);
    // A verification question scores only when the customer is found.
    if (!q.verify) score += r.points;
    if (q.verify && r.valid && text) {
      const key = keyOfAnswer(q.verify, text);
      const found = customers ? (await customers.find(applicant.community, key, text)) !== null : false;
      verifications.push({ question: q.id, key, value: text, found });
      if (found) score += r.points;
      if (found) reasons.push(`${key === "email" ? "email" : "order number"} "${text}" belongs to a customer`);
      else note({ outcome: settings.unverified, reason: customers ? `${key === "email" ? "email" : "order number"} "${text}" is not in the customer list` : "no customer list to verify against" });
    }
  }
  for (const q of Object.keys(applicant.answers)) {
    if (!settings.questions.some((x) => x.id === q)) reasons.push(`answer to an unknown question "${q}" ignored`);
  }

  if (settings.accountAge && applicant.accountCreatedAt !== undefined) {
    const age = applicant.at - applicant.accountCreatedAt;
    if (age < settings.accountAge.min) {
      const days = Math.floor(age / 86_400_000);
      note({ outcome: settings.accountAge.then, reason: `account is ${days < 1 ? "less than a day" : `${days} day${days === 1 ? "" : "s"}`} old` });
    }
  }
  if (settings.noAvatar && applicant.avatar === false) note({ outcome: settings.noAvatar, reason: "account has no profile picture" });

  if (decision === "approve" && score < settings.approveAt) note({ outcome: "review", reason: `score ${score} is below ${settings.approveAt}` });
  return { decision, score, reasons, declineReasons, answers, verifications };
}
