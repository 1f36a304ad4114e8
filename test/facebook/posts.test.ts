// steward facebook posts: exported posts and comments → a worklist of guideline hits.
import { describe, expect, it } from "vitest";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { cli, csvRecords, fixtures } from "./cli.js";

const posts = path.join(fixtures, "posts.csv");
const tmp = () => mkdtempSync(path.join(tmpdir(), "steward-fb-"));

describe("steward facebook posts", () => {
  it("lists only the rows that hit a rule, with the rule's actions and the matched text", async () => {
    const r = await cli(["facebook", "posts", posts]);
    expect(r.code).toBe(0);
    const rows = csvRecords(r.out);
    expect(rows.every((x) => x.author !== "Rina")).toBe(true); // a customer's question is not flagged
    expect(rows.find((x) => x.author === "Troll")).toMatchObject({
      row: "3",
      type: "comment",
      link: "https://facebook.com/groups/shop/posts/1?comment_id=2",
      guideline: "respect",
      rule: "insult-at-person",
      suggested_actions: "delete, warn",
      matched: "you are an idiot",
    });
    expect(rows.find((x) => x.author === "Seller")).toMatchObject({ row: "4", guideline: "no-self-promotion", rule: "advertising" });
    const gali = rows.find((x) => x.rule === "bengali-abuse")!;
    expect(gali).toMatchObject({ row: "5", author: "Gali", matched: "খানকির পোলা", explanation: "Bengali or Banglish abuse (gali)" });
  });

  it("reports bad rows by line and prints a summary per guideline", async () => {
    const r = await cli(["facebook", "posts", posts]);
    expect(r.err).toMatch(/posts\.csv:6: no text to judge; row skipped/);
    expect(r.err).toMatch(/posts\.csv:7: type "reel" is neither post nor comment; row skipped/);
    expect(r.err).toMatch(/posts\.csv:8: a "double quote" opened here is never closed/);
    expect(r.err).toMatch(/posts\.csv: 7 rows, 3 skipped; 3 flagged \(respect 2, no-self-promotion 1\)/);
  });

  it("accepts header aliases (content, permalink, posted by) and defaults the type to post", async () => {
    const file = path.join(tmp(), "export.csv");
    writeFileSync(file, "\uFEFFPosted By,Content,Permalink,Likes\nTroll,what a moron you are,https://fb.com/p/9,3\n");
    const r = await cli(["facebook", "posts", file]);
    expect(r.code).toBe(0);
    expect(csvRecords(r.out)[0]).toMatchObject({ author: "Troll", type: "post", link: "https://fb.com/p/9", guideline: "respect" });
    expect(r.err).toMatch(/ignored column "Likes"/);
  });

  it("judges with the guidelines of --rules", async () => {
    const r = await cli(["facebook", "posts", posts, "--rules", path.resolve("test/fixtures/rules")]);
    expect(r.code).toBe(0);
    const rows = csvRecords(r.out);
    expect(rows.map((x) => `${x.author} ${x.guideline}/${x.rule}`)).toEqual(["Troll respect/insult"]);
  });

  it("reports progress on stderr every 1,000 rows of a long file", async () => {
    const file = path.join(tmp(), "long.csv");
    const rows = Array.from({ length: 2100 }, (_, i) => (i === 1500 ? "Troll,you are an idiot" : `Member ${i},Is order ${i} shipped yet?`));
    writeFileSync(file, `author,text\n${rows.join("\n")}\n`);
    const r = await cli(["facebook", "posts", file]);
    expect(r.code).toBe(0);
    expect(r.err.match(/^… [\d,]+ rows judged$/gm)).toEqual(["… 1,000 rows judged", "… 2,000 rows judged"]);
    expect(csvRecords(r.out).map((x) => x.row)).toEqual(["1502"]) // header is line 1, row i is line i + 2;
    expect(r.err).toMatch(/2,?100 rows, 0 skipped; 1 flagged \(respect 1\)/);
  });

  it("a file without a text column is one clear error", async () => {
    const file = path.join(tmp(), "export.csv");
    writeFileSync(file, "author,date\nRina,2026-10-01\n");
    const r = await cli(["facebook", "posts", file]);
    expect(r.code).toBe(65);
    expect(r.err).toMatch(/no text column \(headers found: author, date\); expected .*text \(required\): "text", "message", "content"/);
  });
});
