// Reads a zod schema's structure, best effort, to list the keys an object accepts (for
// "unknown key `x`; did you mean `y`?"). Wrappers and unions are looked through.
import type { z } from "zod";

interface Def {
  type: string;
  innerType?: z.ZodType;
  in?: z.ZodType;
  out?: z.ZodType;
  getter?: () => z.ZodType;
  options?: readonly z.ZodType[];
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  valueType?: z.ZodType;
  items?: readonly z.ZodType[];
  left?: z.ZodType;
  right?: z.ZodType;
}

const defOf = (s: z.ZodType): Def => (s as unknown as { _zod: { def: Def } })._zod.def;

/** The alternatives a schema stands for, with wrappers removed. */
function variants(schema: z.ZodType, depth = 0): z.ZodType[] {
  if (depth > 20) return [];
  const def = defOf(schema);
  switch (def.type) {
    case "optional":
    case "nullable":
    case "default":
    case "prefault":
    case "readonly":
    case "catch":
    case "nonoptional":
    case "success":
      return def.innerType ? variants(def.innerType, depth + 1) : [];
    case "pipe":
      // A transform's input side is what the user writes.
      return def.in ? variants(def.in, depth + 1) : [];
    case "lazy":
      return def.getter ? variants(def.getter(), depth + 1) : [];
    case "union":
      return (def.options ?? []).flatMap((o) => variants(o, depth + 1));
    case "intersection":
      return [def.left, def.right].filter((x): x is z.ZodType => !!x).flatMap((o) => variants(o, depth + 1));
    default:
      return [schema];
  }
}

function child(schema: z.ZodType, seg: string | number): z.ZodType[] {
  const out: z.ZodType[] = [];
  for (const v of variants(schema)) {
    const def = defOf(v);
    if (def.type === "object" && typeof seg === "string" && def.shape?.[seg]) out.push(def.shape[seg]);
    else if (def.type === "array" && typeof seg === "number" && def.element) out.push(def.element);
    else if (def.type === "record" && def.valueType) out.push(def.valueType);
    else if (def.type === "tuple" && typeof seg === "number" && def.items?.[seg]) out.push(def.items[seg]);
  }
  return out;
}

/** Keys accepted by the object(s) at `path` inside `schema`; [] when unknown. */
export function objectKeysAt(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
  let level: z.ZodType[] = [schema];
  for (const seg of path) {
    if (typeof seg === "symbol") return [];
    level = level.flatMap((s) => child(s, seg));
    if (!level.length) return [];
  }
  const keys = new Set<string>();
  for (const s of level) for (const v of variants(s)) {
    const def = defOf(v);
    if (def.type === "object" && def.shape) for (const k of Object.keys(def.shape)) keys.add(k);
  }
  return [...keys];
}
