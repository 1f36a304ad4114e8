// steward facebook screen: exported membership answers → decisions, with the community's
// screening settings and an optional customer list.
import { describe, expect, it } from "vitest";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { cli, communities, csvRecords, fixtures } from "./cli.js";

const answers = path.join(fixtures, "answers.csv");
const customers = path.join(fixtures, "customers.csv");
const tmp = () => mkdtempSync(path.join(tmpdir(), "steward-fb-"));

describe("steward facebook screen", () => {
  it("decides every readable applicant, verifies against the customer list and reports bad rows by line", async () => {
    const r = await cli(["facebook", "screen", answers, "--communities", communities, "--customers", customers]);
    expect(r.code).toBe(0);
    const rows = csvRecords(r.out);
    const by = Object.fromEntries(rows.map((x) => [x.name, x]));
    expect(rows.map((x) => x.name)).toEqual(["Rina Akter", "Tanvir", "Spam Bot", "Shafiq", "Multi Line"]);
    // Verification hit: "a1042" is the customer's "A-1042".
    expect(by["Rina Akter"]).toMatchObject({ row: "2", decision: "approve", score: "3", customer_check: "found: order a1042" });
    // Bengali answer, order number not in the list: review.
    expect(by["Tanvir"]!.decision).toBe("review");
    expect(by["Tanvir"]!.customer_check).toBe("not found: order X-9999");
    expect(by["Tanvir"]!.reasons).toMatch(/"X-9999" is not in the customer list/);
    expect(by["Spam Bot"]!.decision).toBe("review");
    expect(by["Spam Bot"]!.reasons).toMatch(/mentions "crypto" \(a red flag\)/);
    expect(by["Shafiq"]).toMatchObject({ decision: "decline" });
    expect(by["Shafiq"]!.decline_reasons).toMatch(/was not agreed to/);
    // A quoted answer over two lines is one record, numbered by the line it starts on.
    expect(by["Multi Line"]).toMatchObject({ row: "8", decision: "approve" });

    expect(r.err).toMatch(/answers\.csv:5: no name; row skipped/);
    expect(r.err).toMatch(/answers\.csv:7: has 9 values but the header has 8 columns/);
    expect(r.err).toMatch(/customers\.csv:4: no email and no order number; row skipped/);
    expect(r.err.match(/ignored column "Notes"/g)).toHaveLength(1);
    expect(r.err).toMatch(/answers\.csv: 7 rows, 2 skipped; 2 approve, 1 decline, 2 review/);
  });

  it("without a customer list an order number cannot be verified: review", async () => {
    const r = await cli(["facebook", "screen", answers, "--communities", communities]);
    expect(r.code).toBe(0);
    const rina = csvRecords(r.out).find((x) => x.name === "Rina Akter")!;
    expect(rina.decision).toBe("review");
    expect(rina.reasons).toMatch(/no customer list to verify against/);
  });

  it("reads customer and answer headers by alias, any case; question columns by id", async () => {
    const dir = tmp();
    writeFileSync(path.join(dir, "customers.csv"), "NAME,order_id\nMina,Z-77\n");
    writeFileSync(path.join(dir, "answers.csv"), "Full Name,why,order,rules,Date\nMina,I love handmade quilts,z77,I agree,2026-10-05\n");
    const r = await cli(["facebook", "screen", path.join(dir, "answers.csv"), "--communities", communities, "--community", "shop", "--customers", path.join(dir, "customers.csv")]);
    expect(r.code).toBe(0);
    expect(csvRecords(r.out)[0]).toMatchObject({ name: "Mina", decision: "approve", customer_check: "found: order z77", request_date: "2026-10-05" });
    expect(r.err).toMatch(/no column for question found \("How did you find us\?"\)/);
  });

  it("writes the decisions to --out with a BOM for Excel", async () => {
    const out = path.join(tmp(), "decisions.csv");
    const r = await cli(["facebook", "screen", answers, "--communities", communities, "--out", out]);
    expect(r.code).toBe(0);
    expect(r.out).toBe("");
    const text = readFileSync(out, "utf8");
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(csvRecords(text)).toHaveLength(5);
  });

  it("a file without a name column is one clear error naming the expected headers", async () => {
    const file = path.join(tmp(), "answers.csv");
    writeFileSync(file, "Applicant Email,why\nx@y.z,because I like it\n");
    const r = await cli(["facebook", "screen", file, "--communities", communities]);
    expect(r.code).toBe(65);
    expect(r.err).toMatch(/no name column \(headers found: Applicant Email, why\); expected name \(required\): "name", "full name"/);
    expect(r.err).toMatch(/why \("Why do you want to join\?"\)/);
    expect(r.out).toBe("");
  });

  it("a customer list without email or order column is an error", async () => {
    const dir = tmp();
    writeFileSync(path.join(dir, "customers.csv"), "name,phone\nRina,017\n");
    const r = await cli(["facebook", "screen", answers, "--communities", communities, "--customers", path.join(dir, "customers.csv")]);
    expect(r.code).toBe(65);
    expect(r.err).toMatch(/no email or order column/);
  });

  it("every row bad: the rows are reported and the exit code is non-zero", async () => {
    const file = path.join(tmp(), "answers.csv");
    writeFileSync(file, "name,why\n,no name here\n,nor here\n");
    const r = await cli(["facebook", "screen", file, "--communities", communities]);
    expect(r.code).toBe(65);
    expect(r.err).toMatch(/:2: no name; row skipped/);
    expect(r.err).toMatch(/:3: no name; row skipped/);
    expect(r.err).toMatch(/2 rows, 2 skipped/);
  });

  it("a community without screening questions, or none configured, is a clear error", async () => {
    const r1 = await cli(["facebook", "screen", answers, "--communities", communities, "--community", "calm"]);
    expect(r1.code).toBe(65);
    expect(r1.err).toMatch(/community "calm" has no onboarding\.screening questions/);
    const r2 = await cli(["facebook", "screen", answers, "--communities", tmp()]);
    expect(r2.code).toBe(65);
    expect(r2.err).toMatch(/no community settings with onboarding\.screening questions/);
  });

  it("every facebook command has --help", async () => {
    for (const cmd of [[], ["screen"], ["posts"], ["rules"]]) {
      const r = await cli(["facebook", ...cmd, "--help"]);
      expect(r.code, cmd.join(" ")).toBe(0);
      expect(r.out, cmd.join(" ")).toMatch(/Usage: steward facebook/);
    }
  });

  it("a missing file is a one-line error", async () => {
    const r = await cli(["facebook", "screen", "/nonexistent/answers.csv", "--communities", communities]);
    expect(r.code).toBe(66);
    expect(r.err.trim()).toBe("steward: answers file not found: /nonexistent/answers.csv");
  });
});
