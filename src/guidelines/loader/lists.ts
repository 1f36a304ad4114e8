// List files named by conditions (`lists/insults-en.txt`): one entry a line, `#` starts a
// comment line, blank lines are ignored. Each file is read once per load.
import { existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

export class ListMissing extends Error {
  constructor(
    readonly ref: string,
    readonly tried: readonly string[],
  ) {
    super(`list \`${ref}\` not found`);
  }
}

export function parseList(text: string): string[] {
  const out: string[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line && !line.startsWith("#")) out.push(line);
  }
  return out;
}

export class ListReader {
  private readonly cache = new Map<string, readonly string[]>();

  /** @param listDirs further folders to look in after the guideline file's own folder. */
  constructor(private readonly listDirs: readonly string[] = []) {}

  /**
   * `ref` is a name from the file's `lists:` mapping, an absolute path, or a path relative to
   * `baseDir` (then to each list folder); ".txt" may be left out.
   */
  read(ref: string, baseDir: string, named: Readonly<Record<string, string>> = {}): readonly string[] {
    const tried: string[] = [];
    const mapped = Object.hasOwn(named, ref) ? named[ref] : undefined;
    const candidates = mapped !== undefined
      ? [path.resolve(baseDir, mapped)]
      : path.isAbsolute(ref)
        ? [ref]
        : [baseDir, ...this.listDirs].map((d) => path.resolve(d, ref));
    for (const c of candidates) {
      for (const file of path.extname(c) ? [c] : [c, `${c}.txt`]) {
        const hit = this.cache.get(file);
        if (hit) return hit;
        tried.push(file);
        if (existsSync(file) && statSync(file).isFile()) {
          const entries = Object.freeze(parseList(readFileSync(file, "utf8")));
          this.cache.set(file, entries);
          return entries;
        }
      }
    }
    throw new ListMissing(ref, tried);
  }
}
