import { defineConsequence } from "./define.js";

export const deleteConsequence = defineConsequence({
  name: "delete",
  description: "Delete the message.",
  example: "delete",
  bare: { kind: "delete" },
});
