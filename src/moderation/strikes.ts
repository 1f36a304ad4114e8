// Strikes decay: only strikes younger than the decay window count towards the ladder.
export interface StrikeRecord {
  points: number;
  at: number;
  caseNumber?: number;
  cleared?: boolean;
}

export function activeStrikes(strikes: readonly StrikeRecord[], now: number, decayMs: number): number {
  let total = 0;
  for (const s of strikes) if (!s.cleared && now - s.at < decayMs) total += s.points;
  return total;
}

/** Drops strikes that can never count again, so a long-lived member's list stays short. */
export function pruneStrikes(strikes: StrikeRecord[], now: number, decayMs: number): StrikeRecord[] {
  return strikes.filter((s) => !s.cleared && now - s.at < decayMs);
}
