// A testimonial's states and the moves between them. Only the author's consent publishes:
//   suggested ──(moderator captures)──▶ pending_consent ──▶ consented_named | consented_anonymous | declined
//   pending_consent ──(no answer in expireAfter)──▶ expired
//   pending_consent | consented_* ──(author withdraws)──▶ withdrawn
export const testimonialStates = ["suggested", "pending_consent", "consented_named", "consented_anonymous", "declined", "expired", "withdrawn"] as const;
export type TestimonialState = (typeof testimonialStates)[number];

export const consentChoices = ["named", "anonymous", "declined"] as const;
export type ConsentChoice = (typeof consentChoices)[number];

export type Move = { kind: "capture" } | { kind: "answer"; choice: ConsentChoice } | { kind: "expire" } | { kind: "withdraw" };

export type MoveResult = { ok: true; state: TestimonialState } | { ok: false; why: string };

const answered: Record<ConsentChoice, TestimonialState> = { named: "consented_named", anonymous: "consented_anonymous", declined: "declined" };

/** The state after a move, or why the move does not apply. `from` null: no record yet. */
export function move(from: TestimonialState | null, m: Move): MoveResult {
  switch (m.kind) {
    case "capture":
      return from === null || from === "suggested" ? { ok: true, state: "pending_consent" } : { ok: false, why: `already ${describeState(from)}` };
    case "answer":
      if (from === "pending_consent") return { ok: true, state: answered[m.choice] };
      if (from === "expired") return { ok: false, why: "this request has expired" };
      if (from === "withdrawn") return { ok: false, why: "it was withdrawn" };
      if (from === "consented_named" || from === "consented_anonymous" || from === "declined") return { ok: false, why: "it was already answered" };
      return { ok: false, why: "there is no consent request for it" };
    case "expire":
      return from === "pending_consent" ? { ok: true, state: "expired" } : { ok: false, why: "not waiting for consent" };
    case "withdraw":
      return from === "pending_consent" || from === "consented_named" || from === "consented_anonymous"
        ? { ok: true, state: "withdrawn" }
        : { ok: false, why: from === null ? "there is no such testimonial" : `it is ${describeState(from)}, so it is not published` };
  }
}

export function isPublishable(s: TestimonialState): s is "consented_named" | "consented_anonymous" {
  return s === "consented_named" || s === "consented_anonymous";
}

export function describeState(s: TestimonialState): string {
  return s.replace(/_/g, " ");
}
