/**
 * A moderator's /steward timeout, kick or ban on Slack, which allows none of them: Steward does the
 * best the workspace allows, as for automatic cases — a timeout removes the member from the channel
 * the command was given in (not #general, where the moderators are alerted instead); a kick or ban
 * alerts the moderators and says a workspace admin must deactivate the account. The case records
 * the planned row and the "fallback for …" rows; /steward case shows them.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SlackHarness } from "./harness.js";

const text = (reply: Record<string, unknown>) => JSON.stringify(reply);
const caseNumber = (reply: Record<string, unknown>) => Number(/Case #(\d+)/.exec(text(reply))?.[1]);

describe("manual timeout, kick and ban on Slack", () => {
  const h = new SlackHarness();
  beforeAll(() => h.start(), 60_000);
  afterAll(() => h.stop());

  const modLog = (since: number) => h.fake.callsTo("chat.postMessage", since).filter((c) => c.args.channel === "CMODLOG01");

  it("/steward timeout in #help removes the member from #help instead, tells the moderators once, and records it", async () => {
    const since = h.fake.calls.length;
    const { reply } = await h.command("UADA00001", "timeout <@UBEN00001|ben> 1h flooding", "CHELP0001");
    expect(text(reply)).toMatch(/Not done: slack cannot timeout\\nSlack has no timeout\./);
    expect(text(reply)).toContain("Instead: removed from <#CHELP0001>.");
    expect(h.fake.callsTo("conversations.kick", since)).toMatchObject([{ args: { channel: "CHELP0001", user: "UBEN00001" }, answer: { ok: true } }]);
    expect(h.fake.seed.channels.find((c) => c.id === "CHELP0001")!.members).not.toContain("UBEN00001");
    // No "you have been timed out" notice: it would not be true.
    expect(h.fake.callsTo("conversations.open", since)).toEqual([]);
    const alerts = modLog(since);
    expect(alerts).toHaveLength(1);
    expect(String(alerts[0]!.args.text)).toMatch(/manual timeout · member <@UBEN00001> · by <@UADA00001> · not done: .*; instead removed from <#CHELP0001>/);
    await h.pipeline.flush();
    const shown = text((await h.command("UADA00001", `case ${caseNumber(reply)}`)).reply);
    expect(shown).toMatch(/fallback for timeout: removed from <#CHELP0001>/);
    expect(shown).toMatch(/unsupported/);
  });

  it("/steward timeout in #general: nobody can be removed there, so the moderators are alerted, as the fallback", async () => {
    const since = h.fake.calls.length;
    const { reply } = await h.command("UADA00001", "timeout <@UCLEO0001|cleo> 1h flooding", "CGENERAL1");
    expect(text(reply)).toMatch(/Not done: slack cannot timeout/);
    expect(text(reply)).toContain("Instead: the moderators were alerted in the mod log.");
    expect(h.fake.callsTo("conversations.kick", since)).toEqual([]);
    expect(String(modLog(since)[0]!.args.text)).toMatch(/please decide what to do/);
    await h.pipeline.flush();
    const shown = text((await h.command("UADA00001", `case ${caseNumber(reply)}`)).reply);
    expect(shown).toMatch(/fallback for timeout: could not remove from channel CGENERAL1 \(nobody can be removed from #general/);
    expect(shown).toMatch(/fallback for timeout: alerted moderators/);
  });

  for (const [command, kind] of [
    ["kick", "kick"],
    ["ban", "ban"],
  ] as const) {
    it(`/steward ${command} alerts the moderators, says a workspace admin must deactivate the account, and removes nobody from anything`, async () => {
      const since = h.fake.calls.length;
      const { reply } = await h.command("UADA00001", `${command} <@UCLEO0001|cleo> scam DMs`, "CHELP0001");
      expect(text(reply)).toMatch(new RegExp(`Not done: slack cannot ${kind}\\\\nSlack lets a bot .*Enterprise Grid admin API.*a workspace admin can deactivate`));
      expect(text(reply)).toContain("Instead: the moderators were alerted in the mod log.");
      expect(h.fake.callsTo("conversations.kick", since)).toEqual([]);
      expect(h.fake.callsTo("conversations.open", since)).toEqual([]);
      const alerts = modLog(since);
      expect(alerts).toHaveLength(1);
      expect(String(alerts[0]!.args.text)).toMatch(new RegExp(`manual ${command} · member <@UCLEO0001>.*a workspace admin can deactivate.*please decide`, "s"));
      await h.pipeline.flush();
      const shown = text((await h.command("UADA00001", `case ${caseNumber(reply)}`)).reply);
      expect(shown).toMatch(new RegExp(`fallback for ${kind}: alerted moderators`));
    });
  }
});
