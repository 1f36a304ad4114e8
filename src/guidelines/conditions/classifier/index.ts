// The classifier conditions. Add a condition: write one file here and list it below.
import type { ConditionDefinition } from "../../types.js";
import { classifier } from "./classifier.js";

export const classifierConditions: readonly ConditionDefinition[] = [classifier] as unknown as readonly ConditionDefinition[];
