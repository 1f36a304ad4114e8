// Idempotency keys: the same effect always gets the same key, so a repeat (after a crash, or an
// event read again from a replay log) is recognised in the outbox and, for creates, by the
// platform itself (Discord's message nonce allows 25 characters: keys are 20, leaving room for a
// per-part suffix).
import { createHash } from "node:crypto";
import type { Action } from "../actions.js";

export const KEY_LENGTH = 20;

function digest(text: string): string {
  return createHash("sha256").update(text).digest("base64url").slice(0, KEY_LENGTH);
}

/**
 * The key of one action: where it comes from (a case, or the event that caused it), its place
 * there, and what it does — so a different decision after a restart never passes for a done one.
 */
export function actionKey(community: string, origin: string, position: number, action: Action): string {
  const { key: _ignored, ...rest } = action;
  return digest(`${community}\u0000${origin}\u0000${position}\u0000${JSON.stringify(rest)}`);
}

/**
 * Keys for the fallbacks of a keyed action (what is done instead when the platform cannot do it),
 * in the order they are performed: the same whether the action ran in its case or was resumed after a crash.
 */
export function fallbackKeyer(community: string, planned: Action): (fallback: Action) => Action {
  let n = 0;
  return (f) => ({ ...f, key: actionKey(community, `${planned.key ?? ""}/fallback`, n++, f) });
}

/** The identity of an event (the same JSON read twice from a replay log gives the same one). */
export function eventIdentity(event: unknown): string {
  return digest(JSON.stringify(event));
}
