// YAML parsing that remembers where every node is, so a problem found later (by zod, by a
// condition's compile, by the duplicate check) can be reported at file:line:column.
// Aliases and anchors are refused: they allow exponential expansion ("billion laughs") and
// make a rule's meaning depend on text elsewhere in the file.
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, visit, type Document, type Node } from "yaml";
import type { GuidelineIssue } from "./errors.js";
import { formatPath } from "./errors.js";
import type { RawIssue } from "./raw-issue.js";

type Path = readonly (string | number)[];

export interface YamlFile {
  /** File name as shown in messages. */
  readonly file: string;
  readonly value: unknown;
  /** Line and column (1-based) of the node at `path`, or of its nearest existing parent. */
  position(path: Path, at?: "key" | "value"): { line: number; column: number };
  /** Path of the first scalar equal to `value` at or under `path` (e.g. where a list is named). */
  findScalar(path: Path, value: string): (string | number)[] | undefined;
  /** Give a raw issue its place in this file. */
  locate(issue: RawIssue): GuidelineIssue;
}

export type YamlParse = { ok: true; yaml: YamlFile } | { ok: false; issues: GuidelineIssue[] };

/** First line of a yaml error message, without the " at line L, column C" suffix we report ourselves. */
function shortMessage(message: string): string {
  return (message.split("\n")[0] ?? message).replace(/ at line \d+, column \d+:?$/, "");
}

export function parseYaml(text: string, file: string): YamlParse {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, merge: false, strict: true });
  const issues: GuidelineIssue[] = [];
  const at = (offset: number) => {
    const p = lineCounter.linePos(offset);
    return { line: p.line, column: p.col };
  };
  for (const e of [...doc.errors, ...doc.warnings]) {
    issues.push({ file, ...at(e.pos[0]), path: "", message: `YAML: ${shortMessage(e.message)}` });
  }
  if (!doc.errors.length) {
    visit(doc, {
      Alias(_k, node) {
        issues.push({
          file,
          ...at(node.range?.[0] ?? 0),
          path: "",
          message: `YAML aliases (*${node.source}) are not allowed in guideline files`,
          fix: "write the value out in full where it is used",
        });
      },
      Node(_k, node) {
        const anchor = (node as { anchor?: string }).anchor;
        if (anchor)
          issues.push({
            file,
            // The node's range starts after its properties; point at the `&name` itself.
            ...at(Math.max(0, text.lastIndexOf(`&${anchor}`, node.range?.[0] ?? 0))),
            path: "",
            message: `YAML anchors (&${anchor}) are not allowed in guideline files`,
            fix: "remove the anchor and write the value out in full where it is used",
          });
      },
    });
  }
  if (issues.length) return { ok: false, issues };
  return { ok: true, yaml: new LocatedYaml(file, doc, lineCounter) };
}

class LocatedYaml implements YamlFile {
  readonly value: unknown;

  constructor(
    readonly file: string,
    private readonly doc: Document.Parsed,
    private readonly lineCounter: LineCounter,
  ) {
    this.value = doc.toJS({ maxAliasCount: 0 });
  }

  private pos(offset: number): { line: number; column: number } {
    const p = this.lineCounter.linePos(offset);
    return { line: p.line, column: p.col };
  }

  /** The node at each step of `path` that exists, and for the last step its key node. */
  private walk(path: Path): { node: unknown; key: unknown; complete: boolean; nodes: unknown[] } {
    let node: unknown = this.doc.contents;
    let key: unknown;
    const nodes: unknown[] = [node];
    for (const seg of path) {
      let next: unknown;
      key = undefined;
      if (isMap(node)) {
        const pair = node.items.find((it) => isPair(it) && (isScalar(it.key) ? String(it.key.value) === String(seg) : false));
        if (pair) {
          key = pair.key;
          next = pair.value ?? pair.key;
        }
      } else if (isSeq(node) && typeof seg === "number") next = node.items[seg];
      if (next === undefined) return { node, key: undefined, complete: false, nodes };
      node = next;
      nodes.push(node);
    }
    return { node, key, complete: true, nodes };
  }

  position(path: Path, at: "key" | "value" = "value"): { line: number; column: number } {
    const w = this.walk(path);
    const target = (w.complete && at === "key" && w.key ? w.key : w.node) as Node | null | undefined;
    const range = target?.range;
    return range ? this.pos(range[0]) : { line: 1, column: 1 };
  }

  findScalar(path: Path, value: string): (string | number)[] | undefined {
    const w = this.walk(path);
    if (!w.complete) return undefined;
    const found: (string | number)[][] = [];
    const search = (node: unknown, at: (string | number)[]) => {
      if (found.length) return;
      if (isScalar(node)) {
        if (node.value === value) found.push(at);
      } else if (isMap(node)) {
        for (const it of node.items) if (isPair(it) && isScalar(it.key)) search(it.value, [...at, String(it.key.value)]);
      } else if (isSeq(node)) node.items.forEach((it, i) => search(it, [...at, i]));
    };
    search(w.node, [...path]);
    return found[0];
  }

  locate(issue: RawIssue): GuidelineIssue {
    const out: GuidelineIssue = { file: this.file, ...this.position(issue.path, issue.at), path: formatPath(issue.path), message: issue.message };
    if (issue.fix) out.fix = issue.fix;
    return out;
  }
}

/** The problem when a file's top level is not a mapping (empty file, a list, a scalar). */
export function topLevelProblem(yaml: YamlFile, firstKey: string): GuidelineIssue | undefined {
  const v = yaml.value;
  if (v === null || v === undefined)
    return { file: yaml.file, line: 1, column: 1, path: "", message: "the file is empty", fix: `start it with \`${firstKey}:\`; see docs/guidelines.md` };
  if (typeof v !== "object" || Array.isArray(v)) {
    const got = Array.isArray(v) ? "a list" : `a ${typeof v}`;
    return { ...yaml.locate({ path: [], message: `the top level must be a mapping with \`${firstKey}:\`, got ${got}` }), fix: `start the file with \`${firstKey}:\`` };
  }
  return undefined;
}
