// A link to a member's message, for the digest's lists. Discord's are plain URLs from the
// guild, channel and message ids; other platforms' need data Steward does not keep (Slack's
// permalinks need the workspace's domain), so they get the channel and message named instead.
const SNOWFLAKE = /^\d{17,20}$/;

export function messageLink(platform: string, community: string, channel: string, message: string): string | null {
  if (platform === "discord" && SNOWFLAKE.test(community) && SNOWFLAKE.test(channel) && SNOWFLAKE.test(message)) {
    return `https://discord.com/channels/${community}/${channel}/${message}`;
  }
  return null;
}

/** A channel mention the platform renders (Discord `<#id>`), else `#name`. */
export function channelMention(platform: string, channel: string): string {
  return platform === "discord" && SNOWFLAKE.test(channel) ? `<#${channel}>` : `#${channel}`;
}
