// The command line as a user meets it: help, one-line errors with non-zero exits, and the
// main commands on small fixtures. Runs the CLI in-process, plus the real binary once.
import { describe, expect, it } from "vitest";
import { mkdtempSync, writeFileSync, existsSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { tmpdir } from "node:os";
import path from "node:path";
import { cli } from "../helpers/cli.js";

const fixtures = path.resolve("test/fixtures");


describe("steward CLI", () => {
  it("every command has --help", async () => {
    for (const cmd of [[], ["start"], ["replay"], ["migrate"], ["check"], ["rules", "check"], ["rules", "test"], ["backtest"], ["schema"]]) {
      const r = await cli([...cmd, "--help"]);
      expect(r.code, cmd.join(" ")).toBe(0);
      expect(r.out, cmd.join(" ")).toMatch(/Usage: steward/);
    }
  });

  it("an unknown flag is a one-line error and a non-zero exit", async () => {
    const r = await cli(["replay", "x.jsonl", "--jsn"]);
    expect(r.code).not.toBe(0);
    expect(r.err.trim().split("\n")[0]).toMatch(/^steward: unknown option '--jsn'/);
    expect(r.err).not.toMatch(/\n\s+at /);
  });

  it("an unknown command suggests the nearest", async () => {
    const r = await cli(["replya"]);
    expect(r.code).not.toBe(0);
    expect(r.err).toMatch(/unknown command 'replya'/);
    expect(r.err).toMatch(/replay/);
  });

  it("a missing file is a one-line error, not a stack trace", async () => {
    const r = await cli(["replay", "/nonexistent/events.jsonl", "--memory"]);
    expect(r.code).toBe(66);
    expect(r.err.trim()).toBe("steward: event log not found: /nonexistent/events.jsonl");
  });

  it("a bad environment names the variable", async () => {
    const r = await cli(["replay", path.join(fixtures, "small.jsonl"), "--memory"], { DATABASE_URL: "mysql://a@b/c" });
    expect(r.code).toBe(78);
    expect(r.err).toMatch(/DATABASE_URL: must start with postgresql:\/\//);
  });

  it("replays an event log with --json: one object per decision and a summary", async () => {
    const r = await cli(["replay", path.join(fixtures, "small.jsonl"), "--memory", "--json", "--rules", path.join(fixtures, "rules"), "--communities", path.join(fixtures, "communities")]);
    expect(r.code).toBe(0);
    const lines = r.out.trim().split("\n").map((l) => JSON.parse(l));
    expect(lines).toHaveLength(6);
    expect(Object.keys(lines[0]).slice(0, 9)).toEqual(["line", "community", "member", "message", "guideline", "rule", "actions", "case", "matched"]);
    expect(r.err).toMatch(/replay done: 12 events, 6 decisions, .* 2 skipped line\(s\)/);
  });

  it("replays readably by default", async () => {
    const r = await cli(["replay", path.join(fixtures, "small.jsonl"), "--memory", "--rules", path.join(fixtures, "rules"), "--communities", path.join(fixtures, "communities")]);
    expect(r.out).toMatch(/line 7 · acme #general · u2 · respect\/insult · case #1 · delete, warn · matched "idiot"/);
    expect(r.out).toMatch(/line 10 · acme #general · Tanvir \(mod\) · no-link-spam\/scam · case #3 · not actioned: the author is a moderator/);
  });

  it("reports invalid guideline files with file, line and column", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "steward-rules-"));
    writeFileSync(path.join(dir, "bad.yaml"), "guidelines:\n  - id: x\n    title: X\n    description: d\n    rules:\n      - id: r\n        when: { wrds: [a] }\n        then: [delete]\n");
    const check = await cli(["rules", "check", dir]);
    expect(check.code).toBe(1);
    expect(check.err).toMatch(/bad\.yaml:7:17: unknown condition `wrds`[\s\S]*did you mean `words`\?/);
    const replay = await cli(["replay", path.join(fixtures, "small.jsonl"), "--memory", "--rules", dir]);
    expect(replay.code).toBe(65);
    expect(replay.err).toMatch(/^steward: invalid guidelines:/);
  });

  it("check explains which rule matches and why", async () => {
    const r = await cli(["check", "you are such an idiot", "--rules", path.join(fixtures, "rules")]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/respect\/insult/);
    expect(r.out).toMatch(/«idiot»/);
    const json = await cli(["check", "hello there", "--json", "--rules", path.join(fixtures, "rules")]);
    expect(JSON.parse(json.out).hits).toEqual([]);
  });

  it("prints the JSON Schema of community settings", async () => {
    const r = await cli(["schema", "community"]);
    expect(JSON.parse(r.out).properties.timezone).toBeDefined();
    expect((await cli(["schema", "nope"])).code).toBe(64);
  });

  it("the installed binary exits non-zero with one line on a missing file", () => {
    const bin = path.resolve("bin/steward.js");
    if (!existsSync(path.resolve("dist/src/cli/main.js"))) {
      console.warn("skipped: dist/ not built (npm test builds it first)");
      return;
    }
    const r = spawnSync(process.execPath, [bin, "replay", "/nonexistent.jsonl"], { encoding: "utf8", env: { ...process.env, LOG_LEVEL: "silent" } });
    expect(r.status).toBe(66);
    expect(r.stderr.trim()).toBe("steward: event log not found: /nonexistent.jsonl");
  });
});
