// The testimonial state machine: only a pending request takes an answer, only a pending
// one expires, and withdrawal applies to pending and consented ones.
import { describe, expect, it } from "vitest";
import { move, isPublishable, testimonialStates } from "../../src/testimonials/state.js";

describe("testimonial states", () => {
  it("captures a new message or a suggestion, once", () => {
    expect(move(null, { kind: "capture" })).toEqual({ ok: true, state: "pending_consent" });
    expect(move("suggested", { kind: "capture" })).toEqual({ ok: true, state: "pending_consent" });
    expect(move("pending_consent", { kind: "capture" })).toEqual({ ok: false, why: "already pending consent" });
    expect(move("withdrawn", { kind: "capture" }).ok).toBe(false);
  });

  it("records an answer only while consent is pending", () => {
    expect(move("pending_consent", { kind: "answer", choice: "named" })).toEqual({ ok: true, state: "consented_named" });
    expect(move("pending_consent", { kind: "answer", choice: "anonymous" })).toEqual({ ok: true, state: "consented_anonymous" });
    expect(move("pending_consent", { kind: "answer", choice: "declined" })).toEqual({ ok: true, state: "declined" });
    expect(move("expired", { kind: "answer", choice: "named" })).toEqual({ ok: false, why: "this request has expired" });
    expect(move("consented_named", { kind: "answer", choice: "anonymous" })).toEqual({ ok: false, why: "it was already answered" });
    expect(move("suggested", { kind: "answer", choice: "named" }).ok).toBe(false);
  });

  it("expires only pending requests", () => {
    expect(move("pending_consent", { kind: "expire" })).toEqual({ ok: true, state: "expired" });
    expect(move("consented_named", { kind: "expire" }).ok).toBe(false);
  });

  it("withdraws pending and consented ones, not declined or expired ones", () => {
    for (const s of ["pending_consent", "consented_named", "consented_anonymous"] as const) expect(move(s, { kind: "withdraw" })).toEqual({ ok: true, state: "withdrawn" });
    expect(move("declined", { kind: "withdraw" })).toEqual({ ok: false, why: "it is declined, so it is not published" });
    expect(move("expired", { kind: "withdraw" }).ok).toBe(false);
  });

  it("publishes only consented states", () => {
    expect(testimonialStates.filter(isPublishable)).toEqual(["consented_named", "consented_anonymous"]);
  });
});
