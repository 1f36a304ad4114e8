import { describe, expect, it } from "vitest";
import { GuidelineError } from "../../../src/guidelines/loader/index.js";
import { issuesOf, load, where } from "./helpers.js";

// One guideline wrapping the given rule lines (each rule starts at line 6).
const withRules = (rules: string) => `guidelines:
  - id: g
    title: T
    description: D
    rules:
${rules}`;

describe("errors in guideline files", () => {
  it("names an unknown condition at its key and suggests the closest", () => {
    const [i, ...rest] = issuesOf(withRules(`      - id: r
        when: { membr: { roles: [a] } }
        then: [delete]`));
    expect(rest).toEqual([]);
    expect(where(i!)).toBe("rules/test.yaml:7:17 unknown condition `membr`");
    expect(i!.path).toBe("guidelines[0].rules[0].when.membr");
    expect(i!.fix).toMatch(/^did you mean `member`\? Known conditions: `member`, /);
    expect(i!.fix).toContain("`channel`");
  });

  it("finds unknown conditions nested inside all/any/not", () => {
    const issues = issuesOf(withRules(`      - id: r
        when:
          all:
            - channel: { in: [general] }
            - not:
                chanel: { in: [x] }
        then: [delete]`));
    expect(issues.map(where)).toEqual(["rules/test.yaml:11:17 unknown condition `chanel`"]);
    expect(issues[0]!.path).toBe("guidelines[0].rules[0].when.all[1].not.chanel");
    expect(issues[0]!.fix).toMatch(/^did you mean `channel`\?/);
  });

  it("names an unknown consequence and lists the known ones", () => {
    const issues = issuesOf(withRules(`      - id: r
        when: { channel: { in: [x] } }
        then: [delete, timout]`));
    expect(issues.map(where)).toEqual(["rules/test.yaml:8:24 unknown consequence `timout`"]);
    expect(issues[0]!.fix).toBe(
      "did you mean `timeout`? Known consequences: `timeout`, `alert`, `hold`, `kick`, `ban`, `delete`, `reply`, `warn`",
    );
  });

  it("explains consequences written in the wrong form", () => {
    const issues = issuesOf(withRules(`      - id: r
        when: { channel: { in: [x] } }
        then: [timeout, { kick: true }, { ban: { delete_msgs: 1d } }, { timeout: 30d }, { delete: 1, warn: 2 }]`));
    expect(issues.map((i) => [where(i), i.fix])).toEqual([
      ["rules/test.yaml:8:16 `timeout` needs a value", "write `{ timeout: 1h }`"],
      ["rules/test.yaml:8:27 `kick` takes no value", "write a bare `kick`"],
      ["rules/test.yaml:8:50 unknown key `delete_msgs`", "did you mean `delete_messages`? Allowed keys: `delete_messages`"],
      ["rules/test.yaml:8:82 a timeout is at most 28d; use `ban` for longer", undefined],
      ["rules/test.yaml:8:89 a consequence has one key, this one has 2 (delete, warn)", "list each consequence as its own item: `then: [delete, { timeout: 1h }]`"],
    ]);
  });

  it("reports a bad value inside a condition with the field", () => {
    const issues = issuesOf(withRules(`      - id: r
        when: { member: { joined_within: soon, rolez: [a] } }
        then: [delete]`));
    expect(issues.map((i) => [where(i), i.path, i.fix])).toEqual([
      ["rules/test.yaml:7:42 \"soon\" is not a duration; write a number and a unit: 90s, 10m, 1h, 1d, 2w", "guidelines[0].rules[0].when.member.joined_within", undefined],
      [
        "rules/test.yaml:7:48 unknown key `rolez`",
        "guidelines[0].rules[0].when.member.rolez",
        "did you mean `roles`? Allowed keys: `joined_within`, `joined_more_than`, `roles`, `not_roles`, `strikes_at_least`, `messages_fewer_than`, `first_messages`",
      ],
    ]);
  });

  it("speaks about the form meant when a condition accepts several", () => {
    const issues = issuesOf(withRules(`      - id: r
        when: { contains: { lst: words.txt } }
        then: [delete]
      - id: s
        when: { contains: 3 }
        then: [delete]`));
    expect(issues.map((i) => [where(i), i.fix])).toEqual([
      ["rules/test.yaml:7:27 missing `list` (text)", "add `list:`"],
      ["rules/test.yaml:7:29 unknown key `lst`", "did you mean `list`? Allowed keys: `list`"],
      ["rules/test.yaml:10:27 expected a list or a mapping (key: value), got the number 3", undefined],
    ]);
  });

  it("refuses a condition with two keys and says how to combine them", () => {
    const [i] = issuesOf(withRules(`      - id: r
        when: { member: { roles: [a] }, channel: { in: [b] } }
        then: [delete]`));
    expect(where(i!)).toBe("rules/test.yaml:7:15 a condition has exactly one key, this one has 2 (member, channel)");
    expect(i!.fix).toBe("to require all of them write `all: [ { member: ... }, { channel: ... } ]`; for at least one, `any: [ ... ]`");
  });

  it("names both places of a duplicate rule id", () => {
    const issues = issuesOf(withRules(`      - id: same
        when: { channel: { in: [x] } }
        then: [delete]
      - id: same
        when: { channel: { in: [y] } }
        then: [delete]`));
    expect(issues.map(where)).toEqual([
      "rules/test.yaml:9:13 duplicate rule id `same` in guideline `g`: rules/test.yaml:6 and rules/test.yaml:9",
    ]);
  });

  it("names both places of a duplicate guideline id", () => {
    const rule = `[{ id: r, when: { channel: { in: [x] } }, then: [delete] }]`;
    const issues = issuesOf(`guidelines:
  - { id: g, title: A, description: A, rules: ${rule} }
  - { id: g, title: B, description: B, rules: ${rule} }
`);
    expect(issues.map(where)).toEqual(["rules/test.yaml:3:11 duplicate guideline id `g`: rules/test.yaml:2 and rules/test.yaml:3"]);
  });

  it("says what is missing and which keys are unknown at the top", () => {
    const issues = issuesOf(`guideline:
  - id: g
`);
    expect(issues.map((i) => [where(i), i.fix])).toEqual([
      ["rules/test.yaml:1:1 unknown key `guideline`", "did you mean `guidelines`? Allowed keys: `guidelines`, `escalation`, `exempt`, `lists`"],
      ["rules/test.yaml:1:1 the file has no `guidelines:` (and no `escalation:`)", "start the file with `guidelines:`; see docs/guidelines.md"],
    ]);
    const missing = issuesOf(withRules(`      - id: r
        then: [delete]`));
    expect(missing.map((i) => [where(i), i.fix])).toEqual([["rules/test.yaml:6:9 missing `when`", "add `when:`"]]);
  });

  it("reports every problem, in order, not just the first", () => {
    const issues = issuesOf(withRules(`      - id: Bad_Id
        when: { nope: {} }
        then: [explode]
      - id: ok
        when: { channel: { in: [] } }
        then: []`));
    expect(issues.map(where)).toEqual([
      "rules/test.yaml:6:13 an id is lower-case letters, digits, `-` and `_`, starting with a letter or digit, e.g. `no-link-spam`",
      "rules/test.yaml:7:17 unknown condition `nope`",
      "rules/test.yaml:8:16 unknown consequence `explode`",
      "rules/test.yaml:10:32 needs at least 1 item",
      "rules/test.yaml:11:15 a rule needs at least one consequence, e.g. `then: [delete, warn]`",
    ]);
  });

  it("reports YAML syntax errors with their position", () => {
    expect(issuesOf(`guidelines:\n  - id: g\n    title: [unclosed\n`).map(where)).toEqual([
      "rules/test.yaml:4:1 YAML: Flow sequence in block collection must be sufficiently indented and end with a ]",
    ]);
    expect(issuesOf(`guidelines:\n  - id: g\n    title: a: b\n`).map(where)).toEqual(["rules/test.yaml:3:12 YAML: Nested mappings are not allowed in compact mappings"]);
    expect(issuesOf(`guidelines: []\nguidelines: []\n`).map(where)).toEqual(["rules/test.yaml:2:1 YAML: Map keys must be unique"]);
  });

  it("refuses YAML anchors and aliases (billion laughs)", () => {
    const issues = issuesOf(`guidelines:
  - id: g
    title: &t Title
    description: *t
    rules: [{ id: r, when: { channel: { in: [x] } }, then: [delete] }]
`);
    expect(issues.map((i) => [where(i), i.fix])).toEqual([
      ["rules/test.yaml:3:12 YAML anchors (&t) are not allowed in guideline files", "remove the anchor and write the value out in full where it is used"],
      ["rules/test.yaml:4:18 YAML aliases (*t) are not allowed in guideline files", "write the value out in full where it is used"],
    ]);
    const laughs = `a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n` + Array.from({ length: 9 }, (_, i) => `${"bcdefghij"[i]}: &${"bcdefghij"[i]} [${Array(9).fill(`*${"abcdefghi"[i]}`).join(",")}]`).join("\n");
    const many = issuesOf(laughs);
    expect(many.every((i) => /YAML (aliases|anchors)/.test(i.message))).toBe(true);
  });

  it("reports an empty file and a wrong top-level type", () => {
    expect(issuesOf("").map((i) => [where(i), i.fix])).toEqual([["rules/test.yaml:1:1 the file is empty", "start it with `guidelines:`; see docs/guidelines.md"]]);
    expect(issuesOf("# just a comment\n").map(where)).toEqual(["rules/test.yaml:1:1 the file is empty"]);
    expect(issuesOf("- id: g\n").map(where)).toEqual(["rules/test.yaml:1:1 the top level must be a mapping with `guidelines:`, got a list"]);
  });

  it("reports a condition's own compile failure at the field it names", () => {
    const issues = issuesOf(withRules(`      - id: r
        when: { contains: [ok, forbidden] }
        then: [delete]`));
    expect(issues.map((i) => [where(i), i.path, i.fix])).toEqual([
      ["rules/test.yaml:7:32 `forbidden` cannot be used", "guidelines[0].rules[0].when.contains[1]", "pick another word"],
    ]);
  });

  it("formats all issues readably, with a summary first", () => {
    try {
      load(withRules(`      - id: r
        when: { membr: {} }
        then: [timout]`));
      expect.unreachable();
    } catch (e) {
      const text = (e as GuidelineError).format();
      expect(text.split("\n")[0]).toBe("2 problems in 1 file:");
      expect(text).toContain("rules/test.yaml:7:17: unknown condition `membr` (at guidelines[0].rules[0].when.membr)\n    fix: did you mean `member`?");
      expect(text).toContain("rules/test.yaml:8:16: unknown consequence `timout` (at guidelines[0].rules[0].then[0])");
    }
  });

  it("refuses two ladder steps at the same strikes", () => {
    const issues = issuesOf(`escalation: { ladder: [ { at: 3, do: kick }, { at: 3, do: ban } ] }\n`);
    expect(issues.map(where)).toEqual(["rules/test.yaml:1:52 two ladder steps at 3 strikes"]);
  });
});
