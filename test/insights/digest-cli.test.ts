// steward digest and steward report as a user runs them, on the bundled demo replayed into an
// embedded store; and the demo itself, which ends with the digest and its chart.
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cli } from "../helpers/cli.js";

describe("steward digest / steward report", () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "steward-digest-cli-"));
  const store = ["--data-dir", path.join(dir, "data"), "--communities", "examples/communities"];

  beforeAll(async () => {
    const r = await cli(["replay", "examples/demo-community.jsonl", ...store]);
    expect(r.code).toBe(0);
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("--print writes the digest; --out writes the text and the PNG chart", async () => {
    const printed = await cli(["digest", "--week", "2026-W41", "--print", ...store]);
    expect(printed.code).toBe(0);
    expect(printed.out).toMatch(/^\*\*Weekly digest · Acme Crafts · 2026-W41\*\* \(5–11 Oct\)\n/);
    expect(printed.out).toContain("**Moderation** 13 cases");
    const out = path.join(dir, "digests");
    const written = await cli(["digest", "--week", "2026-W41", "--out", out, ...store]);
    expect(written.code).toBe(0);
    expect(readFileSync(path.join(out, "acme-2026-W41-digest.md"), "utf8")).toBe(printed.out);
    expect(readFileSync(path.join(out, "acme-2026-W41-activity.png")).subarray(1, 4).toString()).toBe("PNG");
    expect(written.err).toContain("acme-2026-W41-activity.png");
  }, 60_000);

  it("bad input is named with what to type instead", async () => {
    const week = await cli(["digest", "--week", "2026-47", ...store]);
    expect([week.code, week.err]).toEqual([64, expect.stringContaining('week must be YYYY-Www, e.g. 2026-W47 (got "2026-47")')]);
    const who = await cli(["digest", "--community", "nope", "--print", ...store]);
    expect([who.code, who.err]).toEqual([64, expect.stringContaining('no community "nope" in the store; known: acme')]);
    const format = await cli(["report", "--format", "pdf", ...store]);
    expect([format.code, format.err]).toEqual([64, expect.stringContaining('--format must be one of md, html, csv, json (got "pdf")')]);
  }, 60_000);

  it("report --format md --out writes the chart beside it; html is one page", async () => {
    const md = path.join(dir, "october.md");
    const r = await cli(["report", "--month", "2026-10", "--out", md, ...store]);
    expect(r.code).toBe(0);
    expect(readFileSync(md, "utf8")).toContain("![Daily active members and messages](october-chart.png)");
    expect(existsSync(path.join(dir, "october-chart.png"))).toBe(true);
    const html = await cli(["report", "--month", "2026-10", "--format", "html", ...store]);
    expect(html.out).toMatch(/^<!doctype html>/);
    expect(html.out).toContain("Acme Crafts · community report · October 2026");
  }, 60_000);
});

describe("the demo (steward start with no platform)", () => {
  it("ends with the managers' digest and the chart written to a file", async () => {
    const r = await cli(["start"], { STEWARD_DATA_DIR: path.join(os.tmpdir(), "unused") });
    expect(r.code).toBe(0);
    expect(r.out).toContain("The weekly digest for the community managers:\n\n**Weekly digest · Acme Crafts · 2026-W41**");
    const chart = /Its chart \(daily active members and messages\): (.+\.png)\n/.exec(r.out)?.[1];
    expect(chart && readFileSync(chart).subarray(1, 4).toString()).toBe("PNG");
  }, 120_000);
});
