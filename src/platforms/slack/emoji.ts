// Slack names reactions by shortcode ("star"); Steward's settings use the emoji itself ("⭐", the
// testimonials capture emoji). The common ones are translated; others stay ":name:".
const EMOJI: Record<string, string> = {
  star: "⭐",
  star2: "🌟",
  "+1": "👍",
  thumbsup: "👍",
  "-1": "👎",
  heart: "❤️",
  tada: "🎉",
  fire: "🔥",
  clap: "👏",
  pray: "🙏",
  white_check_mark: "✅",
  eyes: "👀",
  warning: "⚠️",
};

export function emojiOf(shortcode: string): string {
  const base = shortcode.split("::")[0]!; // skin tones: "+1::skin-tone-2"
  return EMOJI[base] ?? `:${base}:`;
}
