// A command: its name ("warn", "case show"), who may use it, its options and its handler.
// Handlers are platform-neutral: they get a CommandContext and return a CommandReply.
import type { CommandReply } from "../core/reply.js";
import type { CommandContext } from "./context.js";
import type { OptionValues, OptionsShape } from "./options.js";

export interface CommandSurfaces {
  /** A slash command (default true). Names with a space are subcommands: "case show" → /case show. */
  slash?: boolean;
  /**
   * A message context-menu entry with this label. The platform passes the options
   * message, channel, author and text of the message it was used on.
   */
  messageMenu?: string;
  /** A user context-menu entry with this label. The platform passes the option member. */
  userMenu?: string;
}

export interface CommandDef<O extends OptionsShape = OptionsShape> {
  name: string;
  /** One line shown by the platform (Discord: at most 100 characters). */
  description: string;
  /** "moderator": only members with one of the community's moderator roles; "member": everyone. */
  access: "moderator" | "member";
  options: O;
  /** The handler reads or writes the store or calls the platform a lot: platforms acknowledge at once and answer later. */
  slow?: boolean;
  surfaces?: CommandSurfaces;
  run(ctx: CommandContext, options: OptionValues<O>): Promise<CommandReply>;
}

export type AnyCommand = CommandDef<OptionsShape>;

export function defineCommand<O extends OptionsShape>(def: CommandDef<O>): AnyCommand {
  return def as unknown as AnyCommand;
}
