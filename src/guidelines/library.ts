// The guideline sets in use: the rules folder is compiled once per distinct selection of
// files (a community's settings may pick some files instead of "all").
import path from "node:path";
import type { GuidelineSet } from "./api.js";
import { loadGuidelines } from "./loader/index.js";
import type { CommunitySettings } from "../config/settings-schema.js";
import { filesIn, isGuidelineFile } from "./loader/sources.js";

export { defaultRulesDir } from "./loader/sources.js";

export class GuidelineLibrary {
  private readonly sets = new Map<string, GuidelineSet>();

  private constructor(readonly dir: string, private readonly files: string[], all: GuidelineSet) {
    this.sets.set("all", all);
  }

  static async load(dir: string): Promise<GuidelineLibrary> {
    const files = (await filesIn(dir, isGuidelineFile)).map((f) => path.basename(f));
    const all = await loadGuidelines(dir);
    return new GuidelineLibrary(dir, files, all);
  }

  get all(): GuidelineSet {
    return this.sets.get("all")!;
  }

  /** Loads every selection the communities use, so later lookups are synchronous. */
  async prepare(settings: readonly CommunitySettings[]): Promise<void> {
    for (const s of settings) {
      if (s.guidelines === "all") continue;
      const key = [...s.guidelines].sort().join("\u0000");
      if (this.sets.has(key)) continue;
      const missing = s.guidelines.filter((f) => !this.files.includes(f) && !this.files.includes(`${f}.yaml`));
      if (missing.length) throw new Error(`community ${s.community}: guideline file(s) ${missing.join(", ")} not found in ${this.dir} (have: ${this.files.join(", ")})`);
      const paths = s.guidelines.map((f) => path.join(this.dir, this.files.includes(f) ? f : `${f}.yaml`));
      this.sets.set(key, await loadGuidelines(paths));
    }
  }

  forSettings(s: CommunitySettings): GuidelineSet {
    if (s.guidelines === "all") return this.all;
    const set = this.sets.get([...s.guidelines].sort().join("\u0000"));
    if (!set) throw new Error(`guidelines for community ${s.community} were not prepared`);
    return set;
  }
}
