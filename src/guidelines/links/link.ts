// PLACEHOLDER owned by the links work: one URL or bare domain found in a message.
export interface Link {
  /** The text as written (may be defanged: hxxp, [.]). */
  readonly raw: string;
  /** Lower-case host without a trailing dot, e.g. "discord-gift.xyz". */
  readonly host: string;
  /** Offsets of `raw` in the original message text. */
  readonly start: number;
  readonly end: number;
}

export function extractLinks(_text: string): Link[] {
  return [];
}
