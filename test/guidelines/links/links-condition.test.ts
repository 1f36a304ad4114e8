import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { linksCondition } from "../../../src/guidelines/conditions/links/links.js";
import { compile, fakeContext, message } from "./fake-context.js";
import { corpus, haveCorpora, noCorporaReason } from "../../helpers/corpora.js";

const dir = mkdtempSync(path.join(tmpdir(), "steward-links-"));
writeFileSync(path.join(dir, "scams.txt"), "# our own scam list\nevil-shop.xyz\nbit.ly/badlink\n");
const ctx = () => fakeContext(dir);
const links = (config: unknown) => compile(linksCondition, config, ctx());
const details = (config: unknown, text: string, o = {}) => links(config).test(message(text, o))?.map((m) => m.detail) ?? null;

afterEach(() => {
  delete process.env.STEWARD_PHISHING_LIST;
});

describe("links: blocklists", () => {
  it("matches listed domains and their subdomains from a file", () => {
    const c = links({ blocklist: ["./scams.txt"] });
    expect(c.test(message("go to https://evil-shop.xyz/sale"))).not.toBeNull();
    expect(c.test(message("go to https://www.pay.evil-shop.xyz/sale"))).not.toBeNull();
    expect(c.test(message("go to https://good-shop.xyz"))).toBeNull();
    expect(c.test(message("bit.ly/badlink"))).not.toBeNull();
    expect(c.test(message("bit.ly/goodlink"))).toBeNull();
  });

  it("shows the span and says which list", () => {
    const m = links({ blocklist: ["scams.txt"] }).test(message("see evil-shop.xyz!"));
    expect(m).toEqual([{ condition: "links", text: "evil-shop.xyz", start: 4, end: 17, detail: "listed scams domain (evil-shop.xyz)" }]);
  });

  it("`phishing` works without any file (built-in seed and scam shapes)", () => {
    const c = links({ blocklist: ["phishing"] });
    expect(c.test(message("discord-nitro.ru/claim"))).not.toBeNull();
    expect(details({ blocklist: ["phishing"] }, "free-nitro.club")).toEqual(["scam-shaped domain (free+nitro)"]);
    expect(c.test(message("https://discord.com/channels/1"))).toBeNull();
  });

  it("`phishing` adds the file named by STEWARD_PHISHING_LIST", () => {
    process.env.STEWARD_PHISHING_LIST = path.join(dir, "scams.txt");
    expect(links({ blocklist: ["phishing"] }).test(message("evil-shop.xyz"))).not.toBeNull();
  });

  it("refuses an STEWARD_PHISHING_LIST that does not exist", () => {
    process.env.STEWARD_PHISHING_LIST = path.join(dir, "missing.txt");
    expect(() => links({ blocklist: ["phishing"] })).toThrow(/does not exist/);
  });

  it.skipIf(!haveCorpora)("loads the 22k-entry phishing list once and matches it", () => {
    process.env.STEWARD_PHISHING_LIST = corpus("lists/phishing-domains.txt");
    const a = links({ blocklist: ["phishing"] });
    const b = links({ blocklist: ["phishing"] });
    const started = performance.now();
    expect(a.test(message("claim at 1nitro.club now"))).not.toBeNull();
    const first = performance.now() - started;
    expect(b.test(message("claim at sub.1nitro.club now"))).not.toBeNull();
    expect(a.test(message("https://discord.com/app"))).toBeNull();
    expect(first).toBeLessThan(2000);
  });
  if (!haveCorpora) it.skip(noCorporaReason, () => {});

  it("deny lists domains inline", () => {
    expect(links({ deny: ["grabify.link"] }).test(message("look grabify.link/x"))).not.toBeNull();
  });
});

describe("links: kinds", () => {
  it("flags shorteners (built-in and from files)", () => {
    expect(details({ shorteners: true }, "bit.ly/3abc")).toEqual(["URL shortener (destination hidden)"]);
    expect(links({ shorteners: true }).test(message("example.com/x"))).toBeNull();
    writeFileSync(path.join(dir, "more-shorteners.txt"), "rlu.ru\n");
    expect(links({ shorteners: ["more-shorteners.txt"] }).test(message("rlu.ru/x"))).not.toBeNull();
    expect(links({ shorteners: ["more-shorteners.txt"] }).test(message("tinyurl.com/x"))).not.toBeNull();
  });

  it("flags invites, except the community's own", () => {
    expect(details({ invites: true }, "discord.gg/abc")).toEqual(["invite to another discord server or group"]);
    const c = links({ invites: { except: ["discord.gg/MyShop", "myshopbd"] } });
    expect(c.test(message("join us discord.gg/myshop"))).toBeNull();
    expect(c.test(message("t.me/myshopbd"))).toBeNull();
    expect(c.test(message("discord.gg/other"))).not.toBeNull();
  });

  it("flags lookalikes, including of the community's own domain", () => {
    const c = links({ lookalike: true });
    expect(c.test(message("dlscord.com/gift"))).not.toBeNull();
    expect(c.test(message("myshqp.com.bd", { community: { ownDomains: ["myshop.com.bd"] } }))).not.toBeNull();
    expect(c.test(message("discord.com"))).toBeNull();
    const named = links({ lookalike: { names: ["rahimfashion"], builtin: false } });
    expect(named.test(message("rahimfashlon.com"))).not.toBeNull();
    expect(named.test(message("dlscord.com"))).toBeNull();
  });

  it("flags defanged links", () => {
    expect(links({ defanged: true }).test(message("evil[.]com"))).not.toBeNull();
    expect(links({ defanged: true }).test(message("evil.com"))).toBeNull();
  });
});

describe("links: counts, own domains, allow, alone", () => {
  it("never counts the community's own domains", () => {
    const o = { community: { ownDomains: ["myshop.com.bd"] } };
    expect(links({ min: 1 }).test(message("https://myshop.com.bd/p/1", o))).toBeNull();
    expect(links({ min: 1 }).test(message("https://shop.myshop.com.bd/p/1", o))).toBeNull();
    expect(links({ min: 1 }).test(message("https://othershop.com", o))).not.toBeNull();
  });

  it("min and max count the matching links", () => {
    expect(links({ min: 2 }).test(message("a.com/1"))).toBeNull();
    expect(links({ min: 2 }).test(message("a.com/1 b.com/2"))).toHaveLength(2);
    expect(links({ max: 2 }).test(message("a.com/1 b.com/2"))).toBeNull();
    expect(links({ max: 2 }).test(message("a.com/1 b.com/2 c.com/3"))).toHaveLength(3);
  });

  it("allow and except remove domains", () => {
    expect(links({ allow: ["youtube.com"] }).test(message("youtube.com/watch?v=1"))).toBeNull();
    expect(links({ except: ["youtu.be"] }).test(message("youtu.be/1"))).toBeNull();
    writeFileSync(path.join(dir, "trusted.txt"), "redx.com.bd\n");
    expect(links({ allowlist: ["trusted.txt"] }).test(message("redx.com.bd/track/1"))).toBeNull();
  });

  it("alone: the message is little more than its link", () => {
    expect(links({ alone: true }).test(message("https://x.example.com/a"))).not.toBeNull();
    expect(links({ alone: true }).test(message("look at this https://x.example.com/a"))).not.toBeNull();
    expect(links({ alone: true }).test(message("here is the manual I mentioned yesterday https://x.example.com/a"))).toBeNull();
    expect(links({ alone: 6 }).test(message("here is the manual I mentioned https://x.example.com/a"))).not.toBeNull();
  });

  it("rejects unknown keys", () => {
    expect(() => links({ blocklists: ["phishing"] })).toThrow();
  });
});
