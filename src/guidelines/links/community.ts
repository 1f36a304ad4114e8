// Per-community link facts, prepared once per community (facts objects are long-lived; a
// community whose settings change gets new arrays and so a fresh entry).
import type { CommunityFacts } from "../types.js";
import { DomainSet } from "./domains.js";
import { communityProtectedNames, type ProtectedName } from "./lookalike.js";

const ownCache = new WeakMap<readonly string[], DomainSet>();
const EMPTY = new DomainSet();

/** The community's own domains (and their subdomains). */
export function ownDomainSet(community: CommunityFacts): DomainSet {
  const list = community.ownDomains;
  if (list.length === 0) return EMPTY;
  let set = ownCache.get(list);
  if (!set) {
    set = new DomainSet(list);
    ownCache.set(list, set);
  }
  return set;
}

const namesCache = new WeakMap<readonly string[], WeakMap<readonly string[], Map<number, ProtectedName[]>>>();

/** Lookalike targets from the community: its own domains' names and its protected names. */
export function communityNames(community: CommunityFacts, maxDistance: number | undefined): ProtectedName[] {
  const own = community.ownDomains;
  const names = community.protectedNames;
  if (own.length === 0 && names.length === 0) return [];
  let byNames = namesCache.get(own);
  if (!byNames) namesCache.set(own, (byNames = new WeakMap()));
  let byDistance = byNames.get(names);
  if (!byDistance) byNames.set(names, (byDistance = new Map()));
  const key = maxDistance ?? -1;
  let out = byDistance.get(key);
  if (!out) byDistance.set(key, (out = communityProtectedNames(own, names, maxDistance)));
  return out;
}
