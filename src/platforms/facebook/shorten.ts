// Fitting text into Facebook's fields: cut at a sentence end when one leaves most of the text,
// else at a word boundary; a cut is marked with "…". Lengths are UTF-16 units (what browsers'
// maxlength counts), which is never less than the characters a member sees.

const ELLIPSIS = "…";

export function shorten(text: string, max: number): { text: string; shortened: boolean } {
  const t = text.replace(/\s+/g, " ").trim();
  if (t.length <= max) return { text: t, shortened: false };
  const room = max - 2; // " …" or "…" after the cut
  // Whole sentences (., !, ? and the Bengali danda ।) when they keep at least half the room.
  let sentenceEnd = -1;
  for (const m of t.slice(0, room + 2).matchAll(/[.!?।](?=\s)/g)) if (m.index + 1 <= room) sentenceEnd = m.index + 1;
  if (sentenceEnd >= room / 2) return { text: `${t.slice(0, sentenceEnd)} ${ELLIPSIS}`, shortened: true };
  const head = t.slice(0, max); // one more than fits: tells whether the cut falls between words
  const space = head.lastIndexOf(" ", max - 1);
  const cut = space > 0 ? head.slice(0, space) : t.slice(0, max - 1);
  return { text: `${cut.replace(/[\s,;:–—-]+$/, "")}${ELLIPSIS}`, shortened: true };
}
