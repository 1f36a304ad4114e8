import { describe, expect, it } from "vitest";
import { extractLinks } from "../../../src/guidelines/links/link.js";
import { builtinProtectedNames, communityProtectedNames, lookalikeOf } from "../../../src/guidelines/links/lookalike.js";
import { skeleton } from "../../../src/guidelines/links/confusables.js";
import { osaDistance } from "../../../src/guidelines/links/distance.js";

const builtin = builtinProtectedNames();
const shop = [...communityProtectedNames(["myshop.com.bd"], ["rahimfashion"]), ...builtin];
const check = (text: string, names = builtin) => {
  const [link] = extractLinks(text);
  if (!link) throw new Error(`no link in ${text}`);
  return lookalikeOf(link, names);
};

describe("lookalike domains", () => {
  it("flags homoglyphs and typos of protected brands", () => {
    for (const text of [
      "dlscord.com",
      "discrod.gg/nitro",
      "d1scord.com",
      "disсord.com", // Cyrillic с
      "steamcommunlty.com",
      "stearncommunity.ru",
      "steamcomunity.com",
      "paypai.com/login",
      "disc0rd-nitro.com",
      "discord-gift.xyz",
      "discordnitro.ru",
      "freesteamcommunity.com",
      "bkash-bonus.xyz",
      "steamcommunity.com.trade-offer.ru",
      "discord.xyz",
    ]) {
      expect(check(text), text).not.toBeNull();
    }
  });

  it("never flags the brands' real domains or unrelated names", () => {
    for (const text of [
      "discord.com",
      "discord.gg/abc",
      "discordapp.com/invite/x",
      "cdn.discordapp.com/a.png",
      "steamcommunity.com/id/x",
      "store.steampowered.com",
      "youtube.com/watch?v=1",
      "youtu.be/abc",
      "wa.me/8801712345678",
      "bkash.com",
      "telegra.ph/x",
      "finance.yahoo.com",
      "discogs.com",
      "records.com",
      "team.com",
      "nagar.gov.bd",
      "google.com.bd",
    ]) {
      expect(check(text), text).toBeNull();
    }
  });

  it("protects the community's own domain and names, without flagging the real one", () => {
    expect(check("myshqp.com.bd", shop)?.name).toBe("myshop");
    expect(check("myshop-offer.xyz", shop)?.name).toBe("myshop");
    expect(check("rahimfashlon.com", shop)?.name).toBe("rahimfashion");
    expect(check("myshop.com.bd/p/1", shop)).toBeNull();
    expect(check("shop.myshop.com.bd", shop)).toBeNull();
  });

  it("says what it imitates and how", () => {
    expect(check("dlscord.com")).toMatchObject({ name: "discord", how: "homoglyph" });
    expect(check("discrod.com")).toMatchObject({ name: "discord", how: "typo" });
    expect(check("steamcommunity.com.evil.ru")).toMatchObject({ how: "embedded-domain", shown: "steamcommunity.com" });
  });
});

describe("confusables and distance", () => {
  it("folds lookalike characters to one skeleton", () => {
    expect(skeleton("dlscord")).toBe(skeleton("discord"));
    expect(skeleton("d1sc0rd")).toBe(skeleton("discord"));
    expect(skeleton("stearncommunity")).toBe(skeleton("steamcommunity"));
    expect(skeleton("рaypal")).toBe(skeleton("paypal")); // Cyrillic р
  });

  it("counts adjacent transpositions as one edit (OSA)", () => {
    expect(osaDistance("discord", "discrod")).toBe(1);
    expect(osaDistance("discord", "dicsord")).toBe(1);
    expect(osaDistance("kitten", "sitting")).toBe(3);
    expect(osaDistance("abc", "abc")).toBe(0);
    expect(osaDistance("steamcommunity", "steamcomunity")).toBe(1);
    expect(osaDistance("abcdef", "uvwxyz", 1)).toBe(2); // early exit: "more than 1"
  });
});
