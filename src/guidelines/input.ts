// Builds the EvalInput for one message. Text analysis and link extraction run lazily,
// at most once, and only if some rule asks for them.
import { analyzeText, type TextAnalysis } from "./text/analysis.js";
import { extractLinks, type Link } from "./links/link.js";
import type { CommunityFacts, EvalInput, MemberFacts, MessageFacts, RateStore } from "./types.js";

export class MessageInput implements EvalInput {
  private textCache: TextAnalysis | undefined;
  private linksCache: readonly Link[] | undefined;

  constructor(
    readonly message: MessageFacts,
    readonly member: MemberFacts,
    readonly community: CommunityFacts,
    readonly rates: RateStore,
  ) {}

  get text(): TextAnalysis {
    return (this.textCache ??= analyzeText(this.message.text));
  }

  get links(): readonly Link[] {
    return (this.linksCache ??= extractLinks(this.message.text));
  }
}

/** Defaults for judging a message out of context (`steward check`, eval): an established member. */
export function establishedMember(at: number, overrides: Partial<MemberFacts> = {}): MemberFacts {
  return {
    id: "member",
    roles: [],
    joinedAt: at - 365 * 86_400_000,
    strikes: 0,
    messageCount: 0,
    isModerator: false,
    ...overrides,
  };
}

export function defaultCommunity(overrides: Partial<CommunityFacts> = {}): CommunityFacts {
  return { id: "community", ownDomains: [], protectedNames: [], language: "en", ...overrides };
}
