// The registry of conditions: every group lists its own files; the guideline file schema,
// its TypeScript types and its JSON Schema are assembled from this list.
import type { ConditionDefinition } from "../types.js";
import { coreConditions } from "./core/index.js";
import { textConditions } from "./text/index.js";
import { linksConditions } from "./links/index.js";
import { classifierConditions } from "./classifier/index.js";

export const conditionRegistry: readonly ConditionDefinition[] = [
  ...coreConditions,
  ...textConditions,
  ...linksConditions,
  ...classifierConditions,
];

export function findCondition(name: string): ConditionDefinition | undefined {
  return conditionRegistry.find((c) => c.name === name);
}
