export { FakeDiscord, type RecordedCall, type Fault, type FaultHandle, type FaultStats, type CallPredicate, type ShownModal } from "./FakeDiscord.js";
export { modalSubmitComponents } from "./payloads.js";
export type { FakeDiscordOptions, SeedGuild, SeedUser, SeedRole, SeedChannel, SeedMember } from "./model.js";
export type { IdentifyRecord, GatewayStats } from "./gateway.js";
export { exampleSeed, IDS, PERMS } from "./seed.js";
