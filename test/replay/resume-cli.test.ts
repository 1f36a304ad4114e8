// `steward replay --resume`: actions through the outbox, and a second run of the same log
// continues after the last line the first one wrote — here the whole file, so nothing is judged,
// numbered or performed twice. With --memory there is nothing to resume: a clear error.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { cli } from "../helpers/cli.js";
import { openStore } from "../../src/store/index.js";

const fixtures = path.resolve("test/fixtures");
const args = (dataDir: string) => ["replay", path.join(fixtures, "small.jsonl"), "--resume", "--json", "--data-dir", dataDir, "--rules", path.join(fixtures, "rules"), "--communities", path.join(fixtures, "communities")];

describe("steward replay --resume", () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "steward-resume-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("records its progress with what it writes, and a second run resumes after it", async () => {
    const data = path.join(dir, "data");
    const first = await cli(args(data));
    expect(first.code, first.err).toBe(0);
    const decisions = first.out.trim().split("\n").filter(Boolean).map((l) => JSON.parse(l));
    expect(decisions.length).toBe(6);
    const second = await cli(args(data));
    expect(second.code, second.err).toBe(0);
    expect(second.err).toMatch(/resuming after line 14 \(written by an earlier run\)/);
    expect(second.out).toBe("");
    const store = await openStore({ dataDir: data });
    try {
      expect(await store.prisma.case.count()).toBe(5); // six decisions, one of them joining an earlier case
      const outbox = await store.prisma.outboxAction.findMany({ select: { status: true, key: true } });
      expect(outbox.length).toBeGreaterThan(0);
      expect(outbox.every((o) => o.status === "done" && o.key.length === 20)).toBe(true);
    } finally {
      await store.close();
    }
  }, 60_000);

  it("refuses --memory, which keeps nothing to resume from", async () => {
    const r = await cli(["replay", path.join(fixtures, "small.jsonl"), "--resume", "--memory"]);
    expect(r.code).toBe(64);
    expect(r.err).toMatch(/--resume .* cannot be used with --memory/);
  });
});
