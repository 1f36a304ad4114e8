/** A ready-made community for tests: one guild with @everyone/Member/Moderator/Steward roles, #general and #mod-log. */
import type { FakeDiscordOptions } from "./model.js";

/** Discord permission bits used by the seed (same values as discord.js PermissionFlagsBits). */
export const PERMS = {
  KickMembers: 1n << 1n,
  BanMembers: 1n << 2n,
  Administrator: 1n << 3n,
  ViewChannel: 1n << 10n,
  SendMessages: 1n << 11n,
  ManageMessages: 1n << 13n,
  ReadMessageHistory: 1n << 16n,
  ManageRoles: 1n << 28n,
  ModerateMembers: 1n << 40n,
} as const;

export const IDS = {
  guild: "1100000000000000001",
  owner: "1100000000000000010",
  alice: "1100000000000000011",
  bob: "1100000000000000012",
  bot: "1100000000000000099",
  roleMember: "1100000000000000101",
  roleModerator: "1100000000000000102",
  roleSteward: "1100000000000000103",
  general: "1100000000000000201",
  modLog: "1100000000000000202",
} as const;

export function exampleSeed(token = "fake-token.steward.test"): FakeDiscordOptions {
  const basic = PERMS.ViewChannel | PERMS.SendMessages | PERMS.ReadMessageHistory;
  return {
    token,
    bot: { id: IDS.bot, username: "Steward", bot: true },
    guilds: [
      {
        id: IDS.guild,
        name: "Steward Test Community",
        ownerId: IDS.owner,
        roles: [
          { id: IDS.guild, name: "@everyone", permissions: basic, position: 0 },
          { id: IDS.roleMember, name: "Member", permissions: basic, position: 1 },
          {
            id: IDS.roleModerator,
            name: "Moderator",
            permissions: basic | PERMS.ManageMessages | PERMS.KickMembers | PERMS.ModerateMembers,
            position: 2,
          },
          {
            id: IDS.roleSteward,
            name: "Steward",
            permissions:
              basic | PERMS.ManageMessages | PERMS.KickMembers | PERMS.BanMembers | PERMS.ManageRoles | PERMS.ModerateMembers,
            position: 3,
            managed: true,
          },
        ],
        channels: [
          { id: IDS.general, name: "general", type: 0, position: 0 },
          { id: IDS.modLog, name: "mod-log", type: 0, position: 1 },
        ],
        members: [
          { user: { id: IDS.owner, username: "owner" }, roles: [] },
          { user: { id: IDS.alice, username: "alice", globalName: "Alice" }, roles: [IDS.roleMember] },
          { user: { id: IDS.bob, username: "bob" }, roles: [IDS.roleMember, IDS.roleModerator] },
        ],
        botRoles: [IDS.roleSteward],
      },
    ],
  };
}
