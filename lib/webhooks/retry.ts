/**
 * When each attempt of a message is made, counted from the previous failed one (the Svix schedule):
 * immediately, 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h. After the eighth failure the message is
 * exhausted; "redeliver" starts it again by hand.
 */
export const RETRY_SCHEDULE_MS = [0, 5_000, 5 * 60_000, 30 * 60_000, 2 * 3_600_000, 5 * 3_600_000, 10 * 3_600_000, 10 * 3_600_000] as const;

/** An endpoint whose attempts have all failed for this long is disabled and its owner told. */
export const DISABLE_AFTER_FAILING_MS = 5 * 24 * 3_600_000;

/** A delivery succeeds with a 2xx answer within this time. */
export const DELIVERY_TIMEOUT_MS = 15_000;

/** The response body kept in the delivery log. */
export const RESPONSE_BODY_LIMIT = 4096;

/** The wait before attempt number `attemptsMade + 1`, or null when the schedule is used up. */
export function nextAttemptDelay(attemptsMade: number): number | null {
  return attemptsMade < RETRY_SCHEDULE_MS.length ? RETRY_SCHEDULE_MS[attemptsMade]! : null;
}
