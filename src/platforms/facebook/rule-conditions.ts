// Walking a rule's `when:` as written, to find what Admin Assist can copy: word lists, link
// conditions and new-member conditions. A condition is "alone" when it suffices by itself for
// the rule to hit (reached only through `any`): only those words may become decline keywords.

export interface FoundCondition {
  name: string;
  config: unknown;
  alone: boolean;
}

export function conditionsOf(when: unknown, alone = true, out: FoundCondition[] = []): FoundCondition[] {
  if (Array.isArray(when)) {
    for (const w of when) conditionsOf(w, alone, out);
    return out;
  }
  if (!when || typeof when !== "object") return out;
  for (const [name, config] of Object.entries(when)) {
    if (name === "any") conditionsOf(config, alone, out);
    else if (name === "all") conditionsOf(config, Array.isArray(config) && config.length === 1 ? alone : false, out);
    else if (name === "not") conditionsOf(config, false, out);
    else out.push({ name, config, alone });
  }
  return out;
}
