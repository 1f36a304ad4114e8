// steward kpi as a user runs it: human output, --json, and its errors (bad month, unknown
// community, empty store). The month is the crafted October of kpis.test.ts.
import { afterAll, describe, expect, it } from "vitest";
import { openStore, type StoreOptions } from "../../src/store/index.js";
import { backends } from "../store/backends.js";
import { cli } from "../helpers/cli.js";
import { replayInto } from "./replay.js";

function where(o: StoreOptions): { args: string[]; env: NodeJS.ProcessEnv } {
  return o.databaseUrl ? { args: [], env: { DATABASE_URL: o.databaseUrl } } : { args: ["--data-dir", o.dataDir!], env: {} };
}

for (const backend of backends()) {
  describe(`steward kpi (${backend.name})`, () => {
    afterAll(() => backend.cleanup());

    it("prints a month's KPIs for people and for machines, and says clearly what is wrong", async () => {
      const empty = where(backend.freshOptions());
      const none = await cli(["kpi", "--month", "2026-10", ...empty.args], empty.env);
      expect(none.code).toBe(65);
      expect(none.err).toContain("the store has no communities yet");

      const o = backend.freshOptions();
      const store = await openStore(o);
      await replayInto(store, "october.jsonl");
      await store.close();
      const { args, env } = where(o);

      const human = await cli(["kpi", "--month", "2026-10", ...args], env);
      expect(human.err).toBe("");
      expect(human.code).toBe(0);
      expect(human.out).toContain("acme · October 2026 (2026-10-01 … 2026-10-31, Asia/Dhaka)");
      expect(human.out).toContain("Members        5 → 9 (+80.0%), joined 5, left 2");
      expect(human.out).toContain("8 members posted or reacted (engagement 88.9%, DAU/MAU 0.085)");
      expect(human.out).toContain("6 asked, 2 unanswered; first reply median 1.6 h, p90 3.5 h");
      // hal was never seen joining and sent no display name: his id stands in.
      expect(human.out).toContain("Top            Ann 6, Ben 5, Mona 3, Fay 2, Gus 1, Cat 1, Dan 1, hal 1");

      const json = await cli(["kpi", "--month", "2026-10", "--community", "acme", "--json", ...args], env);
      expect(json.code).toBe(0);
      const [k] = JSON.parse(json.out);
      expect([k.community, k.membersStart, k.membersEnd, k.messages, k.unansweredQuestions]).toEqual(["acme", 5, 9, 20, 2]);

      // September: ben, cat, eve joined (3); the members at its start were mona and ann.
      const sept = JSON.parse((await cli(["kpi", "--month", "2026-09", "--json", ...args], env)).out)[0];
      expect([sept.membersStart, sept.joined, sept.activeMembers]).toEqual([2, 3, 1]);

      const bad = await cli(["kpi", "--month", "2026-13", ...args], env);
      expect(bad.code).toBe(64);
      expect(bad.err).toBe('steward: --month: month must be YYYY-MM, e.g. 2026-10 (got "2026-13")\n');

      const unknown = await cli(["kpi", "--month", "2026-10", "--community", "zeta", ...args], env);
      expect(unknown.code).toBe(65);
      expect(unknown.err).toBe('steward: no community "zeta" in the store; known: acme\n');
    });
  });
}
