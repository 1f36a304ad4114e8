// Tracked links: codes, URL checks, the redirect target, the preview-fetcher list, and
// /link create through the real pipeline (moderators only), on PGlite and PostgreSQL.
import { afterAll, describe, expect, it } from "vitest";
import { CODE_LENGTH, LinkInputError, newLinkCode, redirectTarget, validateCampaign, validateTargetUrl } from "../../src/insights/links.js";
import { isLinkPreview } from "../../src/insights/link-previews.js";
import { PrismaPersistence } from "../../src/store/pipeline-writer.js";
import { ALICE, Harness, MOD } from "../commands/harness.js";
import { backends } from "../store/backends.js";

describe("link codes", () => {
  it("are 8 URL-safe characters and do not repeat over many draws", () => {
    const seen = new Set<string>();
    for (let i = 0; i < 20_000; i++) {
      const c = newLinkCode();
      expect(c).toMatch(/^[0-9A-Za-z]{8}$/);
      seen.add(c);
    }
    expect(seen.size).toBe(20_000);
    expect(CODE_LENGTH).toBe(8);
  });
});

describe("target URLs", () => {
  it("accepts http and https, refuses other schemes and non-URLs with a clear message", () => {
    expect(validateTargetUrl(" https://shop.example.com/a?b=1 ")).toBe("https://shop.example.com/a?b=1");
    expect(validateTargetUrl("http://shop.example.com")).toBe("http://shop.example.com/");
    expect(() => validateTargetUrl("javascript:alert(1)")).toThrow(/only http and https links can be tracked \(got javascript:\)/);
    expect(() => validateTargetUrl("ftp://files.example.com/x")).toThrow(LinkInputError);
    expect(() => validateTargetUrl("shop.example.com/sale")).toThrow(/is not a URL; write it in full/);
    expect(() => validateTargetUrl("https://user:pw@shop.example.com/")).toThrow(/user name or password/);
    expect(() => validateTargetUrl(`https://shop.example.com/${"a".repeat(2100)}`)).toThrow(/longer than 2000/);
    expect(() => validateCampaign("  ")).toThrow(/campaign name is empty/);
  });

  it("adds utm fields, replaces the target's utm_source/medium/campaign, keeps everything else", () => {
    const to = redirectTarget("https://shop.example.com/p?utm_campaign=old&utm_term=boots&x=1#top", { source: "steward", medium: "slack", campaign: "fall" });
    expect(to).toBe("https://shop.example.com/p?utm_campaign=fall&utm_term=boots&x=1&utm_source=steward&utm_medium=slack#top");
  });
});

describe("link-preview fetchers", () => {
  it("recognises the chat apps' and social sites' preview agents, not browsers", () => {
    for (const ua of [
      "Mozilla/5.0 (compatible; Discordbot/2.0; +https://discordapp.com)",
      "Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)",
      "Slack-ImgProxy (+https://api.slack.com/robots)",
      "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)",
      "Facebot",
      "Twitterbot/1.0",
      "TelegramBot (like TwitterBot)",
      "WhatsApp/2.23.20.0 A",
      "LinkedInBot/1.0 (compatible; Mozilla/5.0; Apache-HttpClient +http://www.linkedin.com)",
      "Mozilla/5.0 (Windows NT 6.1; WOW64) SkypeUriPreview Preview/0.5",
    ]) expect(isLinkPreview(ua), ua).toBe(true);
    for (const ua of [
      "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36",
      "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148",
      "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0",
      undefined,
      "",
    ]) expect(isLinkPreview(ua), String(ua)).toBe(false);
  });
});

for (const backend of backends()) {
  describe(`/link create (${backend.name})`, () => {
    afterAll(() => backend.cleanup());

    it("gives a moderator the short link, stores it with the platform as medium, and refuses a member", async () => {
      const store = await backend.open();
      try {
        const h = await new Harness(new PrismaPersistence(store.prisma, { publicUrl: () => "https://go.example.com/" })).start();
        const r = await h.command(MOD, "link create", { url: "https://shop.example.com/boots?color=red", campaign: "boots-launch" });
        expect(r.tone).toBe("done");
        const row = await store.prisma.trackedLink.findFirstOrThrow({ where: { campaign: "boots-launch" } });
        expect(r.lines).toEqual([`https://go.example.com/l/${row.code}`]);
        expect(row).toMatchObject({ url: "https://shop.example.com/boots?color=red", medium: "replay", createdBy: MOD });
        expect(r.text).toContain("Leads to: https://shop.example.com/boots?color=red");

        const bad = await h.command(MOD, "link create", { url: "javascript:alert(1)", campaign: "x" });
        expect(bad.tone).toBe("error");
        expect(bad.text).toContain("only http and https links can be tracked");

        const refused = await h.command(ALICE, "link create", { url: "https://shop.example.com/", campaign: "mine" });
        expect(refused.tone).toBe("refused");
        expect(refused.text).toContain("/link create is for moderators");
        expect(await store.prisma.trackedLink.count()).toBe(1);
      } finally {
        await store.close();
      }
    });
  });
}
