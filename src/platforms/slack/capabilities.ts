// Slack's capability matrix: what Steward can do in a workspace, from the tokens it has and the
// scopes Slack reports for them (the x-oauth-scopes header of every Web API response).
//
// Facts (Slack's documentation): a bot token deletes only the bot's own messages; deleting
// other people's takes a workspace admin's or owner's user token (SLACK_USER_TOKEN, chat:write);
// removing someone from a channel takes channels:manage (public) or groups:write (private) and is
// impossible in #general; there is no timeout; removing or deactivating an account takes the
// Enterprise Grid admin API, which Steward does not use. Roles and pending members do not exist:
// approving a screened member admits nothing (done: they are in already), declining alerts the
// moderators and is recorded as refused (adapter.ts).
import type { ActionKind } from "../../core/actions.js";
import { actionKinds } from "../../core/actions.js";

export interface SlackGrants {
  /** Scopes of the bot token; null when Slack did not say (no header): assumed granted, refusals show at use. */
  botScopes: ReadonlySet<string> | null;
  /** The optional user token: its scopes and whether its user is a workspace admin or owner. */
  user: { scopes: ReadonlySet<string> | null; admin: boolean } | null;
}

export interface SlackCapabilities {
  kinds: ReadonlySet<ActionKind>;
  /** Why each missing kind is missing (recorded with unsupported outcomes, shown in docs). */
  missing: ReadonlyMap<ActionKind, string>;
  /** Whether posts may carry files (files:write; files.uploadV2), or why not. */
  files: true | string;
}

const NEVER: Partial<Record<ActionKind, string>> = {
  timeout: "Slack has no timeout",
  removeTimeout: "Slack has no timeout",
  kick: "removing a member from the workspace needs the Enterprise Grid admin API, which Steward does not use; a workspace admin can deactivate the account (Manage members)",
  ban: "deactivating an account needs the Enterprise Grid admin API, which Steward does not use; a workspace admin can deactivate it (Manage members)",
  unban: "reactivating an account needs the Enterprise Grid admin API, which Steward does not use",
  addRole: "Slack has no roles",
  removeRole: "Slack has no roles",
};

const has = (scopes: ReadonlySet<string> | null, ...any: string[]) => scopes === null || any.some((s) => scopes.has(s));

export function slackCapabilities(g: SlackGrants): SlackCapabilities {
  const missing = new Map<ActionKind, string>();
  for (const [kind, why] of Object.entries(NEVER)) missing.set(kind as ActionKind, why);
  if (!has(g.botScopes, "chat:write")) {
    for (const k of ["warn", "directMessage", "reply", "postMessage", "alertModerators", "holdForReview", "respond", "declineMember"] as const) missing.set(k, "the bot token lacks the chat:write scope");
  } else if (!has(g.botScopes, "im:write")) missing.set("directMessage", "the bot token lacks the im:write scope (direct messages)");
  if (!has(g.botScopes, "channels:manage", "groups:write")) missing.set("removeFromChannel", "the bot token lacks channels:manage (public channels) and groups:write (private ones)");
  const deleteWhy = !g.user
    ? "a bot token deletes only its own messages; set SLACK_USER_TOKEN (a workspace admin's user token with chat:write) to delete others'"
    : !g.user.admin
      ? "SLACK_USER_TOKEN belongs to a member who is not a workspace admin or owner, and only they may delete others' messages"
      : !has(g.user.scopes, "chat:write")
        ? "SLACK_USER_TOKEN lacks the chat:write scope"
        : null;
  if (deleteWhy) missing.set("deleteMessage", deleteWhy);
  if (deleteWhy) missing.set("purgeMessages", deleteWhy);
  else if (!has(g.user!.scopes, "channels:history", "groups:history")) missing.set("purgeMessages", "SLACK_USER_TOKEN lacks channels:history / groups:history (to list the messages to purge)");
  const files = has(g.botScopes, "files:write") ? true : "the bot token lacks the files:write scope";
  return { kinds: new Set(actionKinds.filter((k) => !missing.has(k))), missing, files };
}
