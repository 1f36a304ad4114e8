// `steward customers import`: a CSV with header aliases and a bad row goes into the store; a
// second import updates in place; screening's lookup then finds customers in any spelling.
import { describe, expect, it } from "vitest";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { cli } from "../helpers/cli.js";
import { openStore } from "../../src/store/index.js";
import { PrismaCustomers } from "../../src/store/customers.js";


describe("steward customers import", () => {
  it("imports, reports bad rows by line, updates on re-import, and screening finds the keys", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "steward-customers-"));
    const file = path.join(dir, "customers.csv");
    writeFileSync(file, ["Customer Name,E-mail,Order Number,Notes", "Rina,Rina@Example.com,#A-1042,vip", "Nobody,,,", "রাশেদ,,B-7,", "Short,row"].join("\n"));
    const data = path.join(dir, "data");
    const first = await cli(["customers", "import", file, "--community", "acme", "--data-dir", data]);
    expect(first.err).toContain("customers.csv:3: no email and no order number; row skipped");
    expect(first.err).toContain("columns ignored: Notes");
    expect(first.err).toMatch(/customers.csv:5: .*row skipped/);
    expect(first.out).toMatch(/2 customers read \(2 rows skipped\); 3 new keys, 0 updated, for community acme/);
    expect(first.code).toBe(0);

    writeFileSync(file, ["name,email,order", "Rina K.,rina@example.com,A1042", "Sam,sam@example.com,"].join("\n"));
    const again = await cli(["customers", "import", file, "--community", "acme", "--data-dir", data]);
    expect(again.out).toMatch(/2 customers read \(0 rows skipped\); 1 new keys, 2 updated/);

    const store = await openStore({ dataDir: data });
    try {
      const customers = new PrismaCustomers(store.prisma);
      expect(await customers.find("acme", "order", "a-1042")).toEqual({ name: "Rina K.", order: "a1042" });
      expect(await customers.find("acme", "email", " SAM@example.com")).toEqual({ name: "Sam", email: "sam@example.com" });
      expect(await customers.find("acme", "order", "b7")).toEqual({ name: "রাশেদ", order: "b7" });
      expect(await customers.find("other", "order", "a1042")).toBeNull();
    } finally {
      await store.close();
    }
  });

  it("refuses a file without an email or order column, naming what it expects", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "steward-customers-"));
    const file = path.join(dir, "list.csv");
    writeFileSync(file, "name,phone\nRina,0171\n");
    const r = await cli(["customers", "import", file, "--community", "acme", "--data-dir", path.join(dir, "data")]);
    expect(r.code).toBe(65);
    expect(r.err).toMatch(/no email or order column \(headers found: name, phone\)/);
  });
});
