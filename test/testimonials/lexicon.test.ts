// The praise lexicon: praise of a product or service is suggested; praise of nothing, a
// negated praise word or a plain question is not.
import { describe, expect, it } from "vitest";
import { PraiseLexicon } from "../../src/testimonials/lexicon.js";

const lexicon = new PraiseLexicon(["jute bag", "kurti", "শাড়ি"]);
const praising = (text: string) => lexicon.judge(text).praising;

describe("praise lexicon", () => {
  it("suggests English praise of a product or service", () => {
    expect(praising("The delivery was so fast, love it")).toBe(true);
    expect(lexicon.judge("Got my jute bag, it's beautiful")).toEqual({ praising: true, praise: ["beautiful"], products: ["bag", "jute bag"] });
    expect(lexicon.judge("Amazing kurtis, will order again")).toEqual({ praising: true, praise: ["amazing"], products: ["kurti", "order"] });
  });

  it("takes plurals of product terms", () => {
    expect(praising("Amazing bags!")).toBe(true);
  });

  it("suggests Bengali praise, in Bengali script (with suffixes) and romanized", () => {
    expect(lexicon.judge("আপনাদের শাড়িটা অসাধারণ")).toEqual({ praising: true, praise: ["অসাধারণ"], products: ["শাড়ি"] });
    expect(praising("ডেলিভারি খুব দ্রুত, দারুণ সার্ভিস")).toBe(true);
    expect(praising("darun quality, abar order korbo")).toBe(true);
  });

  it("does not suggest negated praise, praise of nothing, or questions", () => {
    expect(praising("not happy with my order")).toBe(false);
    expect(praising("কোয়ালিটি ভালো না")).toBe(false);
    expect(praising("great, see you all tomorrow")).toBe(false);
    expect(praising("when will my order arrive?")).toBe(false);
  });
});
