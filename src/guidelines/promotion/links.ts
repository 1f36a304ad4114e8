// Promotion signals carried by links: any link off the community's own domains (`link`), social
// profiles and invites (`handle`), crowdfunding and petitions (`donate`), referral parameters
// (`referral`).
import type { Link } from "../links/link.js";
import { DomainSet } from "../links/domains.js";
import { DONATION_HOSTS, PROFILE_HOSTS, type Signal } from "./lexicon.js";

const donation = new DomainSet(DONATION_HOSTS);
// Referral/affiliate query parameters. Facebook's ref=… is navigation, not a referral.
const REFERRAL_PARAM = /[?&#](?:ref|referral|refer|refcode|ref_code|ref_id|aff|aff_id|affid|affiliate|affiliateid|affiliate_id|rb|invite|invite_code|invitecode|friend|referralcode)=([^&#\s]{3,})/i;
const AMAZON_TAG = /[?&]tag=[\w-]{3,}/i;
const REFERRAL_PATH = /^\/(?:ref|refer|referral|signup)\/[\w-]{4,}/i;

export interface LinkSignal {
  signal: Signal;
  link: Link;
}

function profileHost(host: string): RegExp | null | undefined {
  const h = host.startsWith("www.") ? host.slice(4) : host;
  if (PROFILE_HOSTS.has(h)) return PROFILE_HOSTS.get(h);
  return undefined;
}

/** Signals from the message's links; `ignore` says which hosts are the community's own or allowed. */
export function linkSignals(links: readonly Link[], ignore: (host: string) => boolean): LinkSignal[] {
  const out: LinkSignal[] = [];
  for (const link of links) {
    if (ignore(link.host)) continue;
    out.push({ signal: "link", link });
    const notProfile = profileHost(link.host);
    if (link.invite !== null) out.push({ signal: "handle", link });
    else if (notProfile !== undefined && link.path.length > 1 && (notProfile === null || !notProfile.test(link.path))) {
      out.push({ signal: "handle", link });
    }
    if (donation.has(link.host)) out.push({ signal: "donate", link });
    const referral = /(?:^|\.)amazon\.[a-z.]+$/.test(link.host)
      ? AMAZON_TAG.test(link.path)
      : !/(?:^|\.)facebook\.com$/.test(link.host) && (REFERRAL_PARAM.test(link.path) || REFERRAL_PATH.test(link.path));
    if (referral) {
      out.push({ signal: "referral", link });
    }
  }
  return out;
}
