// Puts loaded files together: guideline ids unique across files, one escalation, the set.
import { isDeepStrictEqual } from "node:util";
import type { Exemptions } from "../api.js";
import { createGuidelineSet, DEFAULT_ESCALATION, type LoadedGuidelineSet } from "../engine.js";
import { GuidelineError, type GuidelineIssue } from "./errors.js";
import type { FileResult, Place } from "./file.js";

const at = (p: Place) => `${p.file}:${p.line}`;

/** Exempt from every rule = exempt in every file's `exempt:` (the intersection). */
function commonExempt(files: readonly FileResult[]): Exemptions {
  const withRules = files.filter((f) => f.guidelines.length);
  if (!withRules.length) return { roles: [], channels: [] };
  const meet = (pick: (e: Exemptions) => readonly string[]) =>
    withRules.map((f) => pick(f.exempt)).reduce((acc, xs) => acc.filter((x) => xs.includes(x)));
  return { roles: meet((e) => e.roles), channels: meet((e) => e.channels) };
}

/** Throws GuidelineError with every issue of every file. */
export function assemble(files: readonly FileResult[], extraIssues: readonly GuidelineIssue[] = []): LoadedGuidelineSet {
  const issues: GuidelineIssue[] = [...extraIssues, ...files.flatMap((f) => f.issues)];

  const firstId = new Map<string, Place>();
  for (const f of files) {
    for (const { id, place, path } of f.ids) {
      const first = firstId.get(id);
      if (!first) firstId.set(id, place);
      else if (f.yaml)
        issues.push({
          ...f.yaml.locate({ path, message: `duplicate guideline id \`${id}\`: ${at(first)} and ${at(place)}` }),
          fix: "guideline ids must be unique across all guideline files; rename one",
        });
    }
  }

  const escalations = files.filter((f) => f.escalation);
  const first = escalations[0];
  for (const f of escalations.slice(1)) {
    if (first && f.yaml && !isDeepStrictEqual(f.escalation!.value, first.escalation!.value))
      issues.push({
        ...f.yaml.locate({ path: ["escalation"], at: "key", message: `\`escalation\` is given differently in two files: ${at(first.escalation!.place)} and ${at(f.escalation!.place)}` }),
        fix: "keep `escalation:` in one file; it applies to every guideline",
      });
  }

  if (issues.length) throw new GuidelineError(issues);
  return createGuidelineSet({
    guidelines: files.flatMap((f) => f.guidelines.map((g) => g.info)),
    rules: files.flatMap((f) => f.guidelines.flatMap((g) => g.rules)),
    escalation: first?.escalation?.value ?? DEFAULT_ESCALATION,
    exempt: commonExempt(files),
    files: files.map((f) => f.file),
  });
}
