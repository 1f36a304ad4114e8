// The classifier conditions. Add a condition: write one file here and list it below.
import type { ConditionDefinition } from "../../types.js";

export const classifierConditions: readonly ConditionDefinition[] = [];
