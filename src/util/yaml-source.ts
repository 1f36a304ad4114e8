// YAML parsing that remembers where things are, so configuration errors can say
// file:line:column. Aliases and anchors are refused (billion-laughs and surprises).
import { isAlias, isMap, isSeq, isScalar, isPair, LineCounter, parseDocument, visit, type Document, type Node } from "yaml";

export interface Position {
  line: number;
  column: number;
}

export interface YamlProblem extends Position {
  message: string;
}

export interface ParsedYaml {
  value: unknown;
  doc: Document.Parsed;
  lineCounter: LineCounter;
  /** Position of the node at a path (or of its nearest existing parent). */
  locate(path: readonly PropertyKey[]): Position;
  /** Position of the KEY at a path (for "unknown field" errors). */
  locateKey(path: readonly PropertyKey[]): Position;
}

export type YamlParseResult = { ok: true; yaml: ParsedYaml } | { ok: false; problems: YamlProblem[] };

export function parseYamlWithPositions(text: string): YamlParseResult {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, merge: false });
  const problems: YamlProblem[] = [];
  for (const e of doc.errors) {
    const pos = lineCounter.linePos(e.pos[0]);
    problems.push({ line: pos.line, column: pos.col, message: e.message.split("\n")[0] ?? e.message });
  }
  visit(doc, {
    Alias(_key, node) {
      const pos = lineCounter.linePos(node.range?.[0] ?? 0);
      problems.push({ ...{ line: pos.line, column: pos.col }, message: `YAML aliases (*${node.source}) are not allowed; write the value out in full` });
    },
    Node(_key, node) {
      const anchor = (node as { anchor?: string }).anchor;
      if (anchor) {
        const pos = lineCounter.linePos(node.range?.[0] ?? 0);
        problems.push({ line: pos.line, column: pos.col, message: `YAML anchors (&${anchor}) are not allowed; write the value out in full` });
      }
    },
  });
  if (problems.length) return { ok: false, problems };
  const toPos = (offset: number): Position => {
    const p = lineCounter.linePos(offset);
    return { line: p.line, column: p.col };
  };
  const walk = (path: readonly PropertyKey[], wantKey: boolean): Position => {
    let node: unknown = doc.contents;
    let best: Position = toPos((doc.contents as Node | null)?.range?.[0] ?? 0);
    for (let i = 0; i < path.length; i++) {
      const seg = path[i];
      let next: unknown;
      let keyNode: unknown;
      if (isMap(node)) {
        const pair = node.items.find((it) => isPair(it) && isScalar(it.key) && String(it.key.value) === String(seg));
        if (pair && isPair(pair)) {
          keyNode = pair.key;
          next = pair.value;
        }
      } else if (isSeq(node) && typeof seg === "number") {
        next = node.items[seg];
      }
      if (next === undefined && keyNode === undefined) break;
      const isLast = i === path.length - 1;
      const target = isLast && wantKey && keyNode ? keyNode : (next ?? keyNode);
      const range = (target as Node | undefined)?.range;
      if (range) best = toPos(range[0]);
      if (isAlias(next)) break;
      node = next;
    }
    return best;
  };
  return {
    ok: true,
    yaml: {
      value: doc.toJS({ maxAliasCount: 0 }),
      doc,
      lineCounter,
      locate: (path) => walk(path, false),
      locateKey: (path) => walk(path, true),
    },
  };
}
