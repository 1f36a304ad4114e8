// Link-preview fetchers: chat apps and social sites fetch a pasted link to draw its preview card.
// Such a fetch is not a person clicking, so a tracked link still redirects it but does not count it.
// Matched case-insensitively against the User-Agent header (a substring each).

export const LINK_PREVIEW_AGENTS: readonly string[] = [
  "Discordbot", // Discord's embed fetcher
  "Slackbot", // Slack: "Slackbot-LinkExpanding 1.0", "Slackbot 1.0"
  "Slack-ImgProxy", // Slack's image proxy
  "facebookexternalhit", // Facebook and Messenger
  "Facebot", // Facebook
  "meta-externalagent", // Meta's newer fetcher
  "Twitterbot", // X / Twitter cards
  "TelegramBot", // Telegram link previews
  "WhatsApp", // WhatsApp previews
  "LinkedInBot", // LinkedIn
  "SkypeUriPreview", // Skype and Teams
  "Microsoft Teams", // Teams' own preview agent
  "redditbot", // Reddit
  "Pinterestbot", // Pinterest
  "Embedly", // embed services many sites use
  "vkShare", // VK
  "Iframely", // embed service
  "Google-PageRenderer", // Google's preview renderer
  "Mastodon", // Mastodon servers fetching previews
  "Bluesky Cardyb", // Bluesky's card fetcher
  "Applebot", // iMessage / Apple link previews
  "Snap URL Preview", // Snapchat
  "Viber", // Viber
  "Line/", // LINE
  "KakaoTalk-Scrap", // KakaoTalk
];

const pattern = new RegExp(LINK_PREVIEW_AGENTS.map((a) => a.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")).join("|"), "i");

/** Whether a request with this User-Agent is a link-preview fetcher (not counted as a click). */
export function isLinkPreview(userAgent: string | undefined): boolean {
  return !!userAgent && pattern.test(userAgent);
}
