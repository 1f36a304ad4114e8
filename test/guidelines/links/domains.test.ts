import { describe, expect, it } from "vitest";
import { DomainSet, domainName, normalizeDomainEntry, registrableDomain } from "../../../src/guidelines/links/domains.js";
import { parseListText, scamShape } from "../../../src/guidelines/links/lists.js";

describe("DomainSet", () => {
  it("matches a domain and its subdomains, not look-alike suffixes", () => {
    const set = new DomainSet(["evil.com", "https://www.Bad.RU/", "*.scam.xyz"]);
    expect(set.match("evil.com")).toBe("evil.com");
    expect(set.match("a.b.evil.com")).toBe("evil.com");
    expect(set.has("notevil.com")).toBe(false);
    expect(set.has("bad.ru")).toBe(true);
    expect(set.has("x.scam.xyz")).toBe(true);
    expect(set.has("com")).toBe(false);
  });

  it("matches host/path entries on a path boundary", () => {
    const set = new DomainSet(["bit.ly/abc"]);
    expect(set.has("bit.ly", "/abc")).toBe(true);
    expect(set.has("bit.ly", "/ABC?x=1")).toBe(true);
    expect(set.has("bit.ly", "/abcd")).toBe(false);
    expect(set.has("bit.ly", "/other")).toBe(false);
    expect(set.has("bit.ly")).toBe(false);
  });

  it("normalises entries, IDN included", () => {
    expect(normalizeDomainEntry("  HTTPS://Example.com/ ")).toEqual({ host: "example.com", path: "" });
    expect(normalizeDomainEntry("# comment")).toBeNull();
    expect(normalizeDomainEntry("аррӏе.com")).toEqual({ host: "xn--80ak6aa92e.com", path: "" });
  });
});

describe("registrable domains", () => {
  it("takes two labels, three under public second levels and hosting suffixes", () => {
    expect(registrableDomain("www.dlscord.com")).toBe("dlscord.com");
    expect(registrableDomain("shop.example.co.uk")).toBe("example.co.uk");
    expect(registrableDomain("a.myshop.com.bd")).toBe("myshop.com.bd");
    expect(registrableDomain("discord-nitro.github.io")).toBe("discord-nitro.github.io");
    expect(domainName("www.steamcommunlty.com")).toBe("steamcommunlty");
  });
});

describe("list files and scam shapes", () => {
  it("reads plain, hosts-file and JSON lists", () => {
    expect(parseListText("# x\nevil.com\n0.0.0.0 bad.ru # ads\n\n")).toEqual(["evil.com", "bad.ru"]);
    expect(parseListText('["a.com", "b.com"]')).toEqual(["a.com", "b.com"]);
    expect(parseListText('{ "domains": ["a.com"] }')).toEqual(["a.com"]);
  });

  it("recognises scam-shaped hosts without a brand", () => {
    expect(scamShape("free-nitro.xyz")).toBe("free+nitro");
    expect(scamShape("nitrogift.ru")).toBe("nitro+gift");
    expect(scamShape("steam-trade.com")).toBe("steam+trade");
    expect(scamShape("freedelivery.com")).toBeNull();
    expect(scamShape("nitrotype.com")).toBeNull();
  });
});
