// Splits long text into parts of at most `max` characters, at line breaks where it can (a
// platform's message limit: Discord 2,000), so a digest arrives as a few whole-line messages.
export function splitMessage(text: string, max: number): string[] {
  if (text.length <= max) return [text];
  const parts: string[] = [];
  let current = "";
  for (const line of text.split("\n")) {
    const candidate = current ? `${current}\n${line}` : line;
    if (candidate.length <= max) {
      current = candidate;
      continue;
    }
    if (current) parts.push(current);
    // A single line longer than the limit is cut where it must be.
    let rest = line;
    while (rest.length > max) {
      parts.push(rest.slice(0, max));
      rest = rest.slice(max);
    }
    current = rest;
  }
  if (current) parts.push(current);
  return parts;
}
