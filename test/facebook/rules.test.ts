// steward facebook rules: the guidelines as Facebook group rules within Facebook's limits, and
// the Admin Assist settings to enter by hand.
import { describe, expect, it } from "vitest";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { cli, communities } from "./cli.js";
import { shorten } from "../../src/platforms/facebook/shorten.js";

interface Report {
  community: string | null;
  groupRules: { rules: { guideline: string; title: string; description: string; shortened: { title?: number; description?: number } }[]; leftOut: string[] };
  adminAssist: {
    keywords: string[];
    keywordSources: { rule: string; keywords: string[]; available: number }[];
    links: { rule: string; domains: string[]; notes: string[]; newMembersOnly: boolean }[];
    newMembers: { rule: string; who: string[]; actions: string }[];
  };
}

async function rulesJson(args: string[] = []): Promise<Report> {
  const r = await cli(["facebook", "rules", "--json", ...args]);
  expect(r.code, r.err).toBe(0);
  return JSON.parse(r.out) as Report;
}

/** Eleven guidelines, one with a long title and a long description. */
function bigRulesDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "steward-fb-rules-"));
  const g = (i: number) => `  - id: g${i}
    title: ${i === 1 ? "Keep every conversation friendly and on topic" : `Guideline ${i}`}
    description: ${i === 1 ? "Be kind to each other and stay close to what this group is about " + "and please remember that ".repeat(12) + "always." : "Short."}
    rules:
      - id: r
        when: { words: [word${i}] }
        then: [delete]`;
  writeFileSync(path.join(dir, "many.yaml"), `guidelines:\n${Array.from({ length: 11 }, (_, i) => g(i + 1)).join("\n")}\n`);
  return dir;
}

describe("steward facebook rules", () => {
  it("renders the bundled guidelines within Facebook's limits (10 rules, titles 25, descriptions 200)", async () => {
    const report = await rulesJson();
    const rules = report.groupRules.rules;
    expect(rules.map((r) => r.guideline).sort()).toEqual(["no-link-spam", "no-self-promotion", "respect"]);
    for (const r of rules) {
      expect(r.title.length).toBeLessThanOrEqual(25);
      expect(r.description.length).toBeLessThanOrEqual(200);
      if (r.shortened.description) expect(r.description.endsWith("…")).toBe(true);
    }
    // respect's description (210 characters) keeps its two whole sentences.
    const respect = rules.find((r) => r.guideline === "respect")!;
    expect(respect.shortened.description).toBeGreaterThan(200);
    expect(respect.description).toMatch(/^Treat every member with respect\. .*sexual content\. …$/);
  });

  it("keeps at most 10 rules and cuts a long title at a word boundary", async () => {
    const report = await rulesJson(["--rules", bigRulesDir()]);
    expect(report.groupRules.rules).toHaveLength(10);
    expect(report.groupRules.leftOut).toEqual(["g11"]);
    const first = report.groupRules.rules[0]!;
    expect(first.title).toBe("Keep every conversation…");
    expect(first.shortened.title).toBe(45);
    expect(first.description.length).toBeLessThanOrEqual(200);
    expect(first.description).toMatch(/ [a-z]+…$/); // whole words only
  });

  it("decline keywords: plain words from rules that delete, capped, with their sources", async () => {
    const report = await rulesJson(["--max-keywords", "20"]);
    const a = report.adminAssist;
    expect(a.keywords.length).toBe(20);
    expect(a.keywords).toContain("খানকি"); // Bengali list
    for (const k of a.keywords) expect(k).toMatch(/^[\p{L}\p{M}\p{N}'’]{3,}$/u);
    // The offensive-model rule's "you" gate only counts together with the classifier: never a keyword.
    expect(a.keywords).not.toContain("you");
    expect(a.keywordSources.map((s) => s.rule).sort()).toEqual(["respect/bengali-abuse", "respect/explicit", "respect/profanity", "respect/slur"]);
    expect(a.keywordSources.reduce((n, s) => n + s.keywords.length, 0)).toBeGreaterThanOrEqual(20);
  });

  it("link rules list blocked domains and shorteners; new-member restrictions come from joined_within", async () => {
    const a = (await rulesJson()).adminAssist;
    expect(a.links.find((l) => l.rule === "no-link-spam/scam-domain")!.domains).toContain("dlscord.com");
    const short = a.links.find((l) => l.rule === "no-link-spam/shortener-from-new-member")!;
    expect(short.domains).toContain("bit.ly");
    expect(short.newMembersOnly).toBe(true);
    expect(a.newMembers.find((n) => n.rule === "no-link-spam/shortener-from-new-member")).toMatchObject({
      who: ["joined within 3d", "joined within 14d and among their first 5 posts"],
      actions: "delete, warn",
    });
    expect(a.newMembers.map((n) => n.rule)).toContain("no-self-promotion/new-member-contact");
  });

  it("--community uses only that community's guidelines", async () => {
    const report = await rulesJson(["--communities", communities, "--community", "calm"]);
    expect(report.community).toBe("Calm Corner");
    expect(report.groupRules.rules.map((r) => r.guideline)).toEqual(["respect"]);
    expect(report.adminAssist.links).toEqual([]);
  });

  it("plain text by default: numbered rules, then the Admin Assist sections", async () => {
    const r = await cli(["facebook", "rules"]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^1\. No link spam$/m);
    expect(r.out).toMatch(/^Decline posts containing these keywords \(50 of \d+ plain words, at most 50\):$/m);
    expect(r.out).toMatch(/^New-member restrictions/m);
  });

  it("a bad --max-keywords is a one-line error", async () => {
    const r = await cli(["facebook", "rules", "--max-keywords", "many"]);
    expect(r.code).toBe(64);
    expect(r.err.trim()).toBe('steward: --max-keywords: expected a whole number, got "many"');
  });
});

describe("shorten", () => {
  it("cuts at a word boundary with … and never exceeds the limit", () => {
    expect(shorten("short", 25)).toEqual({ text: "short", shortened: false });
    expect(shorten("No self-promotion or advertising here", 25)).toEqual({ text: "No self-promotion or…", shortened: true });
    expect(shorten("আমাদের গ্রুপে সবাইকে সম্মান করুন এবং ভদ্র ভাষা ব্যবহার করুন", 25).text).toBe("আমাদের গ্রুপে সবাইকে…");
    expect(shorten("Supercalifragilisticexpialidocious", 10).text).toBe("Supercali…");
  });
});
