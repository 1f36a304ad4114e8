import { describe, expect, it } from "vitest";
import { promotionCondition } from "../../../src/guidelines/conditions/links/promotion.js";
import { textSignals, type Signal } from "../../../src/guidelines/promotion/signals.js";
import { findPhones } from "../../../src/guidelines/promotion/phone.js";
import { compile, message } from "./fake-context.js";

const signals = (text: string): Signal[] => [...new Set(textSignals(text).hits.map((h) => h.signal))].sort();

describe("promotion signals", () => {
  const positives: [string, Signal][] = [
    // contact solicitation
    ["DM me for details", "contact"],
    ["inbox me if you want one", "contact"],
    ["message me on whatsapp", "contact"],
    ["whatsapp me 01712345678", "contact"],
    ["hit me up on snap", "contact"],
    ["interested buyers can inbox", "contact"],
    ["inbox koren", "contact"],
    ["inbox e knock din", "contact"],
    ["jogajog korun", "contact"],
    ["ইনবক্স করুন", "contact"],
    ["বিস্তারিত জানতে মেসেজ করুন", "contact"],
    ["যোগাযোগ করুন", "contact"],
    ["Txt WIN to 87121 now", "contact"],
    // phone numbers
    ["01712345678", "phone"],
    ["call 01712-345678", "phone"],
    ["+880 1712 345678", "phone"],
    ["+44 7911 123456", "phone"],
    ["09061701461", "phone"],
    ["০১৭১২৩৪৫৬৭৮", "phone"],
    // handles
    ["ig: rahim.styles", "handle"],
    ["Kik: pander26", "handle"],
    ["follow me on twitter @mscalifornia95", "handle"],
    ["add me on snapchat", "handle"],
    // referral
    ["use my code RAHIM50", "referral"],
    ["my referral link gives you 10%", "referral"],
    ["promo code: SAVE2024", "referral"],
    ["amar referral code use koren", "referral"],
    ["রেফার কোড দিয়ে সাইন আপ", "referral"],
    // channel promotion
    ["subscribe to my channel", "subscribe"],
    ["SUBSCRIBE ME PLEASE", "subscribe"],
    ["check out my channel", "subscribe"],
    ["check out my new music video", "subscribe"],
    ["like my page", "subscribe"],
    ["follow me", "subscribe"],
    ["like this comment", "subscribe"],
    ["Check out this video on YouTube:", "subscribe"],
    ["sub4sub", "subscribe"],
    ["help me get 100 subscribers", "subscribe"],
    ["amar channel ta subscribe koren", "subscribe"],
    ["আমার চ্যানেলটি সাবস্ক্রাইব করুন", "subscribe"],
    ["পেজে লাইক দিন", "subscribe"],
    // selling
    ["I'm selling my old phone", "sell"],
    ["for sale: ps5, barely used", "sell"],
    ["best price in town", "sell"],
    ["order now, limited stock", "sell"],
    ["cash on delivery available", "sell"],
    ["price: 1200 tk", "sell"],
    ["cheap followers and likes", "sell"],
    ["3 piece bikri kora hobe", "sell"],
    ["order korte inbox", "sell"],
    ["শাড়ি বিক্রি হবে", "sell"],
    ["অর্ডার করতে ইনবক্স করুন", "sell"],
    ["ক্যাশ অন ডেলিভারি", "sell"],
    // money making
    ["earn $500 a day", "earn"],
    ["work from home and earn", "earn"],
    ["make money online fast", "earn"],
    ["double your bitcoin", "earn"],
    ["ghore bose income korun", "earn"],
    ["ঘরে বসে আয় করুন", "earn"],
    ["প্রতিদিন ৫০০ টাকা আয়", "earn"],
    // giveaways
    ["free nitro for everyone", "giveaway"],
    ["you have won a £1000 prize", "giveaway"],
    ["claim your reward now", "giveaway"],
    ["Congratulations! you have been selected", "giveaway"],
    ["big giveaway this weekend", "giveaway"],
    ["ফ্রি গিফট পেতে", "giveaway"],
    // donations and wallets
    ["please donate to my fund", "donate"],
    ["vote for me please", "donate"],
    ["send btc to 1FHeNqx1twqM153v2PTAyieJNEALAhZvEM", "wallet"],
  ];
  for (const [text, signal] of positives) {
    it(`${signal}: ${text}`, () => {
      expect(signals(text)).toContain(signal);
    });
  }

  it("finds nothing in ordinary customer talk", () => {
    for (const text of [
      "can I DM the support team?",
      "what's your WhatsApp for orders?",
      "Is the blue one still for sale?",
      "what's the best price for 2 pieces?",
      "price koto?",
      "দাম কত?",
      "check my order status please",
      "go to my account page and it shows nothing",
      "how do I subscribe to the newsletter?",
      "I subscribed to the premium plan",
      "call me when the parcel arrives",
      "the free gift was missing from my order",
      "follow the instructions in the manual",
      "I love this channel",
      "please post it in our announcements channel",
      "order #48213 arrived today",
      "my order id is 123456789012",
      "thanks, got it at 10:30",
      "আপনাদের শাড়িটা অসাধারণ, ধন্যবাদ!",
      "darun quality, abar order korbo",
    ]) {
      expect(signals(text), text).toEqual([]);
    }
  });

  it("phone numbers: digits count, not order numbers or times", () => {
    expect(findPhones("call 01712-345678 now").map((p) => p.digits)).toEqual(["01712345678"]);
    expect(findPhones("+8801712345678")).toHaveLength(1);
    expect(findPhones("order 1234567890123")).toEqual([]);
    expect(findPhones("0000000000")).toEqual([]);
  });

  it("gives spans in the original text", () => {
    const text = "Hi all! DM me for details";
    const hit = textSignals(text).hits.find((h) => h.signal === "contact")!;
    expect(text.slice(hit.start, hit.end)).toMatch(/^DM me/);
  });
});

describe("promotion condition", () => {
  const promo = (config: unknown) => compile(promotionCondition, config);

  it("counts the listed signals, min_signals of them", () => {
    expect(promo({ signals: ["subscribe"] }).test(message("subscribe to my channel"))).not.toBeNull();
    expect(promo({ signals: ["sell"] }).test(message("subscribe to my channel"))).toBeNull();
    expect(promo({ signals: ["sell", "contact"], min_signals: 2 }).test(message("selling my bike"))).toBeNull();
    expect(promo({ signals: ["sell", "contact"], min_signals: 2 }).test(message("selling my bike, inbox me"))).not.toBeNull();
  });

  it("`with` needs one more kind of signal", () => {
    const ad = promo({ signals: ["sell", "giveaway"], with: ["contact", "phone", "link"] });
    expect(ad.test(message("I'm selling my old phone"))).toBeNull();
    expect(ad.test(message("I'm selling my old phone, call 01712345678"))).not.toBeNull();
    expect(ad.test(message("I'm selling my old phone: phones.example.com/ad"))).not.toBeNull();
  });

  it("links give link, handle, donate and referral signals; own domains give none", () => {
    const link = promo({ signals: ["link"] });
    expect(link.test(message("see example.com/x"))).not.toBeNull();
    expect(link.test(message("see myshop.com.bd/x", { community: { ownDomains: ["myshop.com.bd"] } }))).toBeNull();
    expect(promo({ signals: ["link"], allow: ["youtube.com"] }).test(message("youtube.com/watch?v=1"))).toBeNull();
    expect(promo({ signals: ["handle"] }).test(message("instagram.com/rahim.styles"))).not.toBeNull();
    expect(promo({ signals: ["handle"] }).test(message("instagram.com/p/Bx12"))).toBeNull();
    expect(promo({ signals: ["handle"] }).test(message("t.me/cheapdeals"))).not.toBeNull();
    expect(promo({ signals: ["donate"] }).test(message("gofundme.com/helpme"))).not.toBeNull();
    expect(promo({ signals: ["referral"] }).test(message("https://swagbucks.com/p/register?ref=13017194"))).not.toBeNull();
    expect(promo({ signals: ["referral"] }).test(message("https://www.facebook.com/page?ref=hl"))).toBeNull();
  });

  it("shows each signal's span and what it is", () => {
    const m = promo({ signals: ["sell"], with: ["phone"] }).test(message("For sale: bike. 01712345678"));
    expect(m).toEqual([
      { condition: "promotion", text: "For sale", start: 0, end: 8, detail: "selling offer" },
      { condition: "promotion", text: "01712345678", start: 16, end: 27, detail: "phone number" },
    ]);
  });

  it("refuses a signal in both lists and impossible min_signals", () => {
    expect(() => promo({ signals: ["sell"], with: ["sell"] })).toThrow(/both/);
    expect(() => promo({ signals: ["sell"], min_signals: 2 })).toThrow(/min_signals/);
    expect(() => promo({ signals: ["spam"] })).toThrow();
  });
});
