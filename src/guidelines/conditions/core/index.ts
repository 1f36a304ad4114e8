// The core conditions. Add a condition: write one file here and list it below.
import type { ConditionDefinition } from "../../types.js";

export const coreConditions: readonly ConditionDefinition[] = [];
