// Testimonials end to end through replay, on PGlite (and PostgreSQL with TEST_DATABASE_URL):
// a moderator's ⭐ asks the author for consent (a member's ⭐ or another emoji does nothing),
// the answers named / anonymous / declined / none (expired), a late answer, a moderator's
// correction, and `steward testimonials export` before and after the author withdraws.
import { afterAll, describe, expect, it } from "vitest";
import { PassThrough } from "node:stream";
import path from "node:path";
import { runReplay } from "../../src/platforms/replay/run.js";
import { GuidelineLibrary } from "../../src/guidelines/library.js";
import { SettingsProvider, loadAllSettings } from "../../src/config/settings.js";
import { PrismaPersistence } from "../../src/store/pipeline-writer.js";
import { openStore, type StoreOptions } from "../../src/store/index.js";
import type { ActionOf } from "../../src/core/actions.js";
import { replyText } from "../../src/core/reply.js";
import { silentLogger } from "../../src/log.js";
import { backends } from "../store/backends.js";
import { cli } from "../helpers/cli.js";

const dir = path.resolve("test/fixtures/testimonials");

async function replay(where: StoreOptions, file: string) {
  const store = await openStore(where);
  try {
    const library = await GuidelineLibrary.load(path.resolve("rules"));
    const settings = new SettingsProvider(await loadAllSettings(path.join(dir, "communities")));
    const out = new PassThrough().resume();
    const summary = await runReplay({ file: path.join(dir, file), library, settings, persistence: new PrismaPersistence(store.prisma), logger: silentLogger, out, err: out, quiet: true });
    expect(summary.skipped).toEqual([]);
    const rows = await store.prisma.testimonial.findMany({ orderBy: { messageId: "asc" } });
    return { performed: summary.adapter.performed, rows };
  } finally {
    await store.close();
  }
}

function exportArgs(where: StoreOptions): { args: string[]; env: NodeJS.ProcessEnv } {
  return where.databaseUrl ? { args: [], env: { DATABASE_URL: where.databaseUrl } } : { args: ["--data-dir", where.dataDir!], env: {} };
}

for (const backend of backends()) {
  describe(`testimonials through replay (${backend.name})`, () => {
    afterAll(() => backend.cleanup());

    it("asks for consent on a moderator's ⭐, records the answers and exports only consented ones", async () => {
      const where = backend.freshOptions();
      const { performed, rows } = await replay(where, "events.jsonl");

      const shown = performed.map((a) => (a.kind === "directMessage" ? `dm ${a.member}` : a.kind === "respond" ? `respond ${a.replyHandle}: ${replyText(a.reply)}` : a.kind));
      expect(shown).toEqual([
        "dm ana", // the second ⭐ on m1, eve's ⭐ and mia's 👍 asked nothing
        "dm bo",
        "dm cy",
        "dm dee",
        "respond h-ana-named: Thank you! Your message may be published with your name. You can withdraw at any time with /testimonial withdraw.",
        'respond h-bo-anonymous: Thank you! Your message may be published as "A customer". You can withdraw at any time with /testimonial withdraw.',
        "respond h-cy-declined: Understood: your message will not be published.",
        "respond h-eve-anonymous: This testimonial request is not yours, or no longer exists.",
        "dm sumi", // bazar captures with 💯, not ⭐
        'respond h-sumi-anonymous: ধন্যবাদ! আপনার বার্তাটি "একজন গ্রাহক" হিসেবে প্রকাশ করা হতে পারে। /testimonial withdraw দিয়ে যেকোনো সময় প্রত্যাহার করতে পারেন।',
        "respond h-dee-named: Your answer was not recorded: this request has expired.",
        "respond h-edit: Display text corrected; the original is kept:\n> The tote arived fast, great quality <script>alert('hi')</script> & more",
      ]);

      const ask = performed[0] as ActionOf<"directMessage">;
      expect(ask.text).toBe(
        "Jute Shop would like to share your message as a testimonial:\n\n> Love my jute bag, the stitching is perfect!\n\n" +
          'Choose "Publish with my name" (as Ana), "Publish anonymously" (as "A customer") or "Don\'t publish". Nothing is published without your consent, and you can withdraw it at any time with /testimonial withdraw. Without an answer, this request expires in 7 days.',
      );
      expect(ask.buttons?.map((b) => [b.id, b.label])).toEqual([
        ["steward:testimonial:shop:m1:named", "Publish with my name"],
        ["steward:testimonial:shop:m1:anonymous", "Publish anonymously"],
        ["steward:testimonial:shop:m1:declined", "Don't publish"],
      ]);

      const byMessage = Object.fromEntries(rows.map((r) => [r.messageId, r]));
      expect(rows.map((r) => [r.messageId, r.state, r.consentChoice])).toEqual([
        ["b1", "consented_anonymous", "anonymous"],
        ["m1", "consented_named", "named"],
        ["m2", "consented_anonymous", "anonymous"],
        ["m3", "declined", "declined"],
        ["m4", "expired", null],
      ]);
      // The consent record keeps the time and the exact wording shown, choices included.
      expect(byMessage.m1!.consentAt?.toISOString()).toBe("2026-11-01T11:00:00.000Z");
      expect(byMessage.m1!.consentWording).toBe(`${ask.text}\n\n[Publish with my name] [Publish anonymously] [Don't publish]`);
      expect(byMessage.m1!.capturedBy).toBe("mia");
      expect(byMessage.m4!.expiredAt?.toISOString()).toBe("2026-11-09T10:00:00.000Z");
      // The moderator's correction is shown; the original stays.
      expect(byMessage.m2!.text).toBe("The tote arived fast, great quality <script>alert('hi')</script> & more");
      expect(byMessage.m2!.displayText).toBe("The tote arrived fast, great quality <script>alert('hi')</script> & more");
      // Lexicon suggestions were stored before the capture (m1, m2, m4 praise a product; m3 names none of shop's).
      expect(byMessage.m1!.signals).toEqual(["praise:love", "praise:perfect", "product:bag", "product:stitching", "product:jute bag"]);
      expect(byMessage.m3!.signals).toEqual([]);

      const { args, env } = exportArgs(where);
      const json = await cli(["testimonials", "export", "--format", "json", ...args], env);
      expect(json.code).toBe(0);
      expect(JSON.parse(json.out).map((t: { community: string; author: string; quote: string; attribution: string }) => [t.community, t.author, t.attribution, t.quote])).toEqual([
        ["shop", "Ana", "named", "Love my jute bag, the stitching is perfect!"],
        ["shop", "A customer", "anonymous", "The tote arrived fast, great quality <script>alert('hi')</script> & more"],
        ["bazar", "একজন গ্রাহক", "anonymous", "আপনাদের শাড়িটা অসাধারণ, ধন্যবাদ!"],
      ]);

      const html = await cli(["testimonials", "export", "--format", "html", "--community", "shop", ...args], env);
      expect(html.code).toBe(0);
      expect(html.out).not.toContain("<script>");
      expect(html.out).toContain("<blockquote>The tote arrived fast, great quality &lt;script&gt;alert(&#39;hi&#39;)&lt;/script&gt; &amp; more</blockquote>");
      expect(html.out).toContain("<figcaption>— Ana</figcaption>");
      expect(html.out).not.toContain("একজন গ্রাহক");

      const csv = await cli(["testimonials", "export", "--format", "csv", "--community", "shop", ...args], env);
      expect(csv.out.split("\n")[0]).toBe("community,quote,author,attribution,consented_at,message");
      expect(csv.out).toContain('shop,"Love my jute bag, the stitching is perfect!",Ana,named,2026-11-01T11:00:00.000Z,m1');

      // Ana withdraws: she leaves every later export; Bo's stays.
      const after = await replay(where, "withdraw.jsonl");
      expect(after.performed.map((a) => (a.kind === "respond" ? replyText(a.reply) : a.kind))).toEqual(["Withdrawn: your testimonial will not appear in any later export."]);
      expect(after.rows.find((r) => r.messageId === "m1")).toMatchObject({ state: "withdrawn", withdrawnAt: new Date("2026-11-10T09:00:00Z") });
      const again = await cli(["testimonials", "export", "--community", "shop", ...args], env);
      expect(JSON.parse(again.out).map((t: { author: string }) => t.author)).toEqual(["A customer"]);
    });
  });
}
