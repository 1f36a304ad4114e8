import { defineConsequence } from "./define.js";

export const alertConsequence = defineConsequence({
  name: "alert",
  description: "Tell the moderators (mod channel) without acting on the message.",
  example: "alert",
  bare: { kind: "alert" },
});
