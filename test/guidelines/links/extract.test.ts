import { describe, expect, it } from "vitest";
import { extractLinks, mayContainLinks } from "../../../src/guidelines/links/link.js";

const hosts = (t: string) => extractLinks(t).map((l) => l.host);
const raws = (t: string) => extractLinks(t).map((l) => l.raw);

describe("extractLinks", () => {
  it("finds URLs with a scheme, www. and bare domains", () => {
    expect(hosts("see https://example.com/a?b=1 and www.shop.co.uk")).toEqual(["example.com", "www.shop.co.uk"]);
    expect(hosts("claim at discord-gift.xyz now")).toEqual(["discord-gift.xyz"]);
    expect(raws("bit.ly/abc and tinyurl.com/x1")).toEqual(["bit.ly/abc", "tinyurl.com/x1"]);
    expect(hosts("http://192.168.0.1/admin")).toEqual(["192.168.0.1"]);
  });

  it("gives offsets into the original text and a refanged url", () => {
    const text = "go to Example.COM/Path now";
    const [l] = extractLinks(text);
    expect(l).toBeDefined();
    expect(text.slice(l!.start, l!.end)).toBe("Example.COM/Path");
    expect(l!.host).toBe("example.com");
    expect(l!.url).toBe("https://example.com/Path");
    expect(l!.scheme).toBeNull();
    expect(l!.tld).toBe("com");
  });

  it("reads defanged links", () => {
    const cases: [string, string][] = [
      ["hxxps://evil[.]com/login", "evil.com"],
      ["hxxp://evil.com", "evil.com"],
      ["evil(dot)com", "evil.com"],
      ["evil[dot]ru/x", "evil.ru"],
      ["evil{.}xyz", "evil.xyz"],
      ["kidsmediausa . com", "kidsmediausa.com"],
      ["www.youtube. com/watch?v=1", "www.youtube.com"],
    ];
    for (const [text, host] of cases) {
      const links = extractLinks(text);
      expect(links.map((l) => l.host), text).toEqual([host]);
      expect(links[0]!.defanged, text).toBe(true);
    }
    expect(extractLinks("hxxps://evil[.]com")[0]!.scheme).toBe("https");
    expect(extractLinks("https://evil.com")[0]!.defanged).toBe(false);
  });

  it("handles upper case and trailing punctuation", () => {
    expect(raws("GO TO DISCORD-GIFT.XYZ!!!")).toEqual(["DISCORD-GIFT.XYZ"]);
    expect(raws("(see example.com/wiki/Foo_(bar)).")).toEqual(["example.com/wiki/Foo_(bar)"]);
    expect(raws("visit example.com/page, then example.org.")).toEqual(["example.com/page", "example.org"]);
    expect(raws("is it example.com?")).toEqual(["example.com"]);
    expect(raws('<a href="http://x.com/a">http://x.com/a</a>')).toEqual(["http://x.com/a", "http://x.com/a"]);
    expect(hosts("visit example.com.Thanks")).toEqual(["example.com"]);
  });

  it("does not take emails, file names, abbreviations or numbers for links", () => {
    for (const text of [
      "mail me at john.doe@gmail.com",
      "e.g. file.txt and node.js, index.html",
      "at 5 p.m. or a.m., in the U.S.A.",
      "version 2.5.1, 1.5m views, 3.14",
      "ok.so what",
      "I'm at home.So tired",
      "hello.World",
      "Nice.nice.how is it",
      "wait...what",
      "just a sentence. Another one.",
    ]) {
      expect(extractLinks(text), text).toEqual([]);
    }
  });

  it("accepts any alphabetic TLD with a scheme, only known ones when bare", () => {
    expect(hosts("https://example.notarealtld/x")).toEqual(["example.notarealtld"]);
    expect(hosts("example.notarealtld")).toEqual([]);
    expect(hosts("shop.com.bd and daraz.com.bd")).toEqual(["shop.com.bd", "daraz.com.bd"]);
  });

  it("accepts ambiguous word TLDs only with a path or as known hosts", () => {
    expect(hosts("ok.so")).toEqual([]);
    expect(hosts("t.me/channel and youtu.be")).toEqual(["t.me", "youtu.be"]);
    expect(hosts("there.at/page")).toEqual(["there.at"]);
  });

  it("returns IDN hosts as punycode, keeping the Unicode form", () => {
    const [l] = extractLinks("login at аррӏе.com now"); // Cyrillic lookalikes of "apple"
    expect(l!.host).toBe("xn--80ak6aa92e.com");
    expect(l!.unicodeHost).toBe("аррӏе.com");
    const [p] = extractLinks("xn--80ak6aa92e.com");
    expect(p!.unicodeHost).toBe("аррӏе.com");
  });

  it("takes the host after a userinfo trick", () => {
    expect(hosts("https://discord.com@evil.ru/x")).toEqual(["evil.ru"]);
  });

  it("recognises invite links", () => {
    const invite = (t: string) => extractLinks(t)[0]?.invite ?? null;
    expect(invite("discord.gg/abc123")).toEqual({ platform: "discord", code: "abc123" });
    expect(invite("https://discord.com/invite/XyZ")).toEqual({ platform: "discord", code: "XyZ" });
    expect(invite("https://discordapp.com/invite/XyZ")).toEqual({ platform: "discord", code: "XyZ" });
    expect(invite("t.me/joinchat/AAAA")).toEqual({ platform: "telegram", code: "AAAA" });
    expect(invite("t.me/cheapdeals")).toEqual({ platform: "telegram", code: "cheapdeals" });
    expect(invite("https://chat.whatsapp.com/Ab12Cd34")).toEqual({ platform: "whatsapp", code: "Ab12Cd34" });
    expect(invite("facebook.com/groups/bdshoppers")).toEqual({ platform: "facebook", code: "bdshoppers" });
    expect(invite("https://discord.com/channels/1/2")).toBeNull();
    expect(invite("discord.gg")).toBeNull();
    expect(invite("t.me/share/url?x=1")).toBeNull();
  });

  it("pre-checks cheaply: no dot between letters, no link", () => {
    expect(mayContainLinks("hello there. how are you?")).toBe(false);
    expect(mayContainLinks("no dots at all")).toBe(false);
    expect(mayContainLinks("x.com")).toBe(true);
    expect(mayContainLinks("evil(dot)com")).toBe(true);
    expect(mayContainLinks("kidsmediausa . com")).toBe(true);
    expect(mayContainLinks("例え。com")).toBe(true);
  });

  it("returns the same empty result for text without links (no allocation)", () => {
    expect(extractLinks("hi")).toBe(extractLinks("hello world"));
  });
});
