import { describe, expect, it } from "vitest";
import { parseEvent } from "../../src/core/events.js";
import { writeFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { readEventLog } from "../../src/platforms/replay/reader.js";

// The exact lines the foundation issue requires the replay form to accept.
const issueLines = [
  `{"type":"member.joined","at":"2026-10-01T09:00:00Z","community":"acme","member":{"id":"u1","name":"Rina","roles":[]}}`,
  `{"type":"message.created","at":"2026-10-01T09:05:00Z","community":"acme","channel":"general","message":{"id":"m1","author":"u1","text":"hello all"}}`,
  `{"type":"message.created","at":"2026-10-01T09:06:00Z","community":"acme","channel":"general","message":{"id":"m2","author":"u2","text":"welcome!","replyTo":"m1"}}`,
  `{"type":"reaction.added","at":"2026-10-01T09:07:00Z","community":"acme","channel":"general","message":"m1","member":"u2","emoji":"⭐"}`,
  `{"type":"member.left","at":"2026-10-20T10:00:00Z","community":"acme","member":{"id":"u1"}}`,
];

describe("event model", () => {
  it("accepts the issue's replay lines, defaulting platform to replay", () => {
    for (const line of issueLines) {
      const r = parseEvent(JSON.parse(line));
      expect(r.ok, line).toBe(true);
      if (r.ok) expect(r.event.platform).toBe("replay");
    }
  });

  it("keeps the fields of a message and fills defaults", () => {
    const r = parseEvent(JSON.parse(issueLines[2]!));
    expect(r.ok).toBe(true);
    if (!r.ok || r.event.type !== "message.created") throw new Error("expected a message");
    expect(r.event.message).toMatchObject({ id: "m2", author: "u2", text: "welcome!", replyTo: "m1", attachments: 0, mentions: [] });
  });

  it("ignores extra fields", () => {
    const r = parseEvent({ ...JSON.parse(issueLines[0]!), shard: 3, raw: { anything: true } });
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.event).not.toHaveProperty("shard");
  });

  it("accepts every event type of the model", () => {
    const base = { at: "2026-10-01T09:00:00Z", community: "acme" };
    const samples = [
      { type: "member.updated", ...base, member: { id: "u1", roles: ["vip"], nickname: "R" } },
      { type: "message.edited", ...base, channel: "c", message: { id: "m1", author: "u1", text: "x" } },
      { type: "message.deleted", ...base, channel: "c", message: "m1" },
      { type: "reaction.removed", ...base, channel: "c", message: "m1", member: "u2", emoji: "⭐" },
      { type: "screening.answered", ...base, member: "u9", answers: { why: "customer", agree: true } },
      { type: "command.invoked", ...base, member: "u3", command: "warn", options: { member: "u9" } },
      { type: "interaction.responded", ...base, member: "u9", customId: "consent:1:named" },
    ];
    for (const s of samples) expect(parseEvent(s).ok, s.type).toBe(true);
  });

  it("explains what is wrong with an invalid event", () => {
    const cases: [unknown, RegExp][] = [
      [{ type: "member.exploded", at: "2026-10-01T09:00:00Z", community: "acme" }, /type/],
      [{ type: "member.joined", at: "yesterday", community: "acme", member: { id: "u1" } }, /^at: .*ISO 8601/],
      [{ type: "member.joined", at: "2026-10-01T09:00:00Z", member: { id: "u1" } }, /^community/],
      [{ type: "message.created", at: "2026-10-01T09:00:00Z", community: "acme", channel: "g", message: { id: "m1", text: "hi" } }, /^message\.author/],
      [{ type: "member.joined", at: "2026-10-01T09:00:00Z", community: "acme", platform: "myspace", member: { id: "u1" } }, /^platform/],
    ];
    for (const [value, reason] of cases) {
      const r = parseEvent(value);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.reason).toMatch(reason);
    }
  });
});

describe("event log reader", () => {
  it("reports bad lines with their number and reason, and reads on", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "steward-events-"));
    const file = path.join(dir, "log.jsonl");
    writeFileSync(file, [issueLines[0], "{not json", "", issueLines[1], `{"type":"nope","at":"2026-10-01T09:00:00Z","community":"a"}`, issueLines[3]].join("\n"));
    const items = [];
    for await (const item of readEventLog(file)) items.push(item);
    expect(items.map((i) => i.line)).toEqual([1, 2, 4, 5, 6]);
    const errors = items.filter((i) => "error" in i);
    expect(errors).toHaveLength(2);
    expect(errors[0]).toMatchObject({ line: 2, error: expect.stringMatching(/not valid JSON/) });
    expect(errors[1]).toMatchObject({ line: 5, error: expect.stringMatching(/type/) });
  });
});
