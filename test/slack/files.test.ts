/**
 * The digest's chart on Slack: a postMessage with a PNG attachment goes up with the real
 * WebClient's filesUploadV2 — files.getUploadURLExternal, the bytes to the upload URL,
 * files.completeUploadExternal with channel_id and initial_comment — and arrives in the channel as
 * one message with the text and the file, byte for byte.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderChart } from "../../src/insights/chart.js";
import { BOT_SCOPES, exampleWorkspace } from "../fake-slack/index.js";
import { SlackHarness, TEAM } from "./harness.js";

const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

async function digestAction() {
  const days = Array.from({ length: 14 }, (_, i) => ({ day: `2026-11-${String(i + 1).padStart(2, "0")}`, activeMembers: 10 + i, messages: 100 + 7 * i }));
  const chart = await renderChart(days, "Acme · week 2026-W46");
  return {
    png: chart.png,
    action: { kind: "postMessage" as const, community: TEAM, channel: "CHELP0001", text: "*Weekly digest* · 2026-W46\n120 messages, 14 active members", attachments: [{ name: "digest-2026-W46.png", contentType: "image/png", base64: chart.png.toString("base64") }], reason: "" },
  };
}

describe("the digest's chart as a Slack file", () => {
  const h = new SlackHarness();
  beforeAll(() => h.start(), 60_000);
  afterAll(() => h.stop());

  it("uploads the PNG in three steps and shares it in the channel with the digest's text", async () => {
    const { png, action } = await digestAction();
    const since = h.fake.calls.length;
    const o = await h.adapter.perform(action);
    expect(o).toEqual({ status: "done", detail: "posted with 1 file" });
    expect(h.fake.calls.slice(since).map((c) => c.method)).toEqual(["files.getUploadURLExternal", "files.completeUploadExternal"]);
    expect(h.fake.callsTo("files.getUploadURLExternal", since)[0]!.args).toMatchObject({ filename: "digest-2026-W46.png", length: String(png.length) });
    expect(h.fake.callsTo("files.completeUploadExternal", since)[0]!.args).toMatchObject({ channel_id: "CHELP0001", initial_comment: action.text });
    const posted = h.fake.messages.filter((m) => m.channel === "CHELP0001" && m.files?.length);
    expect(posted).toHaveLength(1);
    expect(posted[0]!.text).toBe(action.text);
    const file = posted[0]!.files![0]!;
    expect(file.filename).toBe("digest-2026-W46.png");
    expect(file.data!.subarray(0, 8)).toEqual(PNG_MAGIC);
    expect(file.data!.equals(png)).toBe(true);
    // No second, text-only post.
    expect(h.fake.callsTo("chat.postMessage", since)).toEqual([]);
  }, 30_000);

  it("a channel Steward is not in: refused with Slack's reason, nothing shared", async () => {
    const { action } = await digestAction();
    const help = h.fake.seed.channels.find((c) => c.id === "CHELP0001")!;
    help.members = help.members.filter((m) => m !== "UBOT00001");
    const shared = h.fake.messages.filter((m) => m.files?.length).length;
    try {
      const refused = await h.adapter.perform(action);
      expect(refused).toMatchObject({ status: "refused" });
      expect(refused.status !== "done" && refused.detail).toMatch(/not_in_channel/);
      expect(h.fake.messages.filter((m) => m.files?.length)).toHaveLength(shared);
    } finally {
      help.members.push("UBOT00001");
    }
  }, 30_000);
});

describe("without files:write", () => {
  const seed = exampleWorkspace();
  seed.tokens["xoxb-fake-bot"]!.scopes = BOT_SCOPES.filter((s) => s !== "files:write");
  const h = new SlackHarness({ seed });
  beforeAll(() => h.start(), 60_000);
  afterAll(() => h.stop());

  it("posts the text and says why the chart was not sent", async () => {
    const { action } = await digestAction();
    const since = h.fake.calls.length;
    const o = await h.adapter.perform(action);
    expect(o).toEqual({ status: "done", detail: "text posted; 1 attachment(s) not sent: the bot token lacks the files:write scope" });
    expect(h.fake.callsTo("chat.postMessage", since)).toHaveLength(1);
    expect(h.fake.callsTo("files.getUploadURLExternal", since)).toEqual([]);
  }, 30_000);
});
