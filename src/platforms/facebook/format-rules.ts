// `steward facebook rules` as plain text, in the order an admin enters it on Facebook.
import type { AdminAssist } from "./admin-assist.js";
import { FACEBOOK_LIMITS, type RenderedGroupRules } from "./group-rules.js";

export interface RulesReport {
  community: string | null;
  groupRules: RenderedGroupRules;
  adminAssist: AdminAssist;
}

export function formatRulesReport(r: RulesReport): string {
  const L = FACEBOOK_LIMITS;
  const out: string[] = [
    `Facebook group rules${r.community ? ` for ${r.community}` : ""} (Group → Admin tools → Group rules; at most ${L.rules} rules, titles up to ${L.title} characters, descriptions up to ${L.description})`,
    "",
  ];
  r.groupRules.rules.forEach((g, i) => {
    out.push(`${i + 1}. ${g.title}`, `   ${g.description}`);
    const cut = [g.shortened.title && `title shortened from ${g.shortened.title} characters`, g.shortened.description && `description shortened from ${g.shortened.description} characters`].filter(Boolean);
    if (cut.length) out.push(`   (${cut.join("; ")}; the full text is in the guideline "${g.guideline}")`);
    out.push("");
  });
  if (r.groupRules.leftOut.length) out.push(`Left out (Facebook allows ${L.rules} rules): ${r.groupRules.leftOut.join(", ")}`, "");

  const a = r.adminAssist;
  out.push("Admin Assist (Group → Admin tools → Admin assist), to enter by hand:", "");
  const available = a.keywordSources.reduce((s, k) => s + k.available, 0);
  out.push(`Decline posts containing these keywords (${a.keywords.length} of ${available} plain words, at most ${a.maxKeywords}):`);
  out.push(a.keywords.length ? `  ${a.keywords.join(", ")}` : "  (none: no rule that deletes has a plain word list)");
  for (const s of a.keywordSources) out.push(`  from ${s.rule} (${s.actions}): ${s.keywords.length} of ${s.available}`);
  out.push("");
  out.push("Link rules (the action after → says whether to decline or only flag for review):");
  if (!a.links.length) out.push("  (none)");
  for (const l of a.links) {
    out.push(`  ${l.rule}${l.newMembersOnly ? " [new members]" : ""}: ${l.explain} → ${l.actions}`);
    if (l.domains.length) out.push(`    domains: ${l.domains.join(", ")}${l.more ? ` and ${l.more} more` : ""}`);
    if (l.allowed.length) out.push(`    except: ${l.allowed.join(", ")}`);
    for (const n of l.notes) out.push(`    ${n}`);
  }
  out.push("");
  out.push("New-member restrictions (posts from members who joined recently):");
  if (!a.newMembers.length) out.push("  (none)");
  for (const n of a.newMembers) out.push(`  ${n.rule}: members who ${n.who.join(", or ")} — ${n.explain} → ${n.actions}`);
  for (const p of a.problems) out.push("", `note: ${p}`);
  return out.join("\n");
}
