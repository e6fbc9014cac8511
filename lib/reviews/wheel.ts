import { formatIsoWeek, parseIsoWeek, weeksBetween, type IsoWeek } from "@/lib/reviews/iso-week";

/**
 * The "wheel": which service's owners present their dashboard this week. A seeded, deterministic
 * pick, weighted toward services not reviewed for longest: the weight is the number of weeks since
 * the service was last picked (capped), so a service never picked has the highest weight and one
 * picked last week the lowest. The same seed and history always give the same service, so
 * rebuilding an agenda never spins the wheel again.
 */
const NEVER_REVIEWED_WEEKS = 26;

export type WheelCandidate = { serviceId: string; weeksSinceReviewed: number | null };

export function wheelWeight(candidate: WheelCandidate): number {
  if (candidate.weeksSinceReviewed === null) return NEVER_REVIEWED_WEEKS + 1;
  return Math.min(NEVER_REVIEWED_WEEKS, Math.max(1, candidate.weeksSinceReviewed));
}

/** FNV-1a: a 32-bit hash of the seed string. */
function hashSeed(seed: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < seed.length; index += 1) {
    hash ^= seed.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** mulberry32: a small deterministic generator of numbers in [0, 1). */
function seededRandom(seed: string): () => number {
  let state = hashSeed(seed);
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function pickWheelService(candidates: readonly WheelCandidate[], seed: string): string | null {
  if (candidates.length === 0) return null;
  // Sorted so the pick does not depend on the order the database returned rows in.
  const sorted = candidates.toSorted((a, b) => a.serviceId.localeCompare(b.serviceId));
  const total = sorted.reduce((sum, candidate) => sum + wheelWeight(candidate), 0);
  let point = seededRandom(seed)() * total;
  for (const candidate of sorted) {
    point -= wheelWeight(candidate);
    if (point < 0) return candidate.serviceId;
  }
  return sorted.at(-1)!.serviceId;
}

/**
 * This week's wheel pick: the recorded one if the week already has one, otherwise a seeded pick
 * weighted by how long each service has gone unreviewed before this week.
 */
export function wheelPickFor(
  seriesId: string,
  week: IsoWeek,
  history: readonly { serviceId: string; isoWeek: string }[],
  serviceIds: readonly string[],
): string | null {
  const isoWeek = formatIsoWeek(week);
  const recorded = history.find((pick) => pick.isoWeek === isoWeek);
  if (recorded && serviceIds.includes(recorded.serviceId)) return recorded.serviceId;
  const lastPicked = new Map<string, number>();
  for (const pick of history) {
    const pickedWeek = parseIsoWeek(pick.isoWeek);
    if (!pickedWeek) continue;
    const weeksAgo = weeksBetween(pickedWeek, week);
    if (weeksAgo <= 0) continue;
    lastPicked.set(pick.serviceId, Math.min(lastPicked.get(pick.serviceId) ?? Infinity, weeksAgo));
  }
  return pickWheelService(
    serviceIds.map((serviceId) => ({ serviceId, weeksSinceReviewed: lastPicked.get(serviceId) ?? null })),
    `${seriesId}:${isoWeek}`,
  );
}
