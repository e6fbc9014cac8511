import { activeOccurrence, type WindowTiming } from "@/lib/freeze-windows/recurrence";

/**
 * The deploy gate's decision, evaluated at the moment of the call (never when the pipeline was
 * created): an open cord or a freeze window running now blocks; an unused break-glass override
 * lets one deploy through the stop it was granted for — the open cord it names, and only while no
 * freeze window holds as well (a window is a stop of its own that nobody overrode). Pure, so it is
 * tested without a database (gate.test.ts).
 */
export type GateCord = { id: string; problem: string; link: string | null; pulledAt: Date; pulledByName: string | null };
export type GateWindow = WindowTiming & { id: string; reason: string; environments: string[] };
/** An unused, unexpired override of the service and the cord it was granted for. */
type GateOverride = { id: string; cordId: string | null };
export type GateFacts = { cord: GateCord | null; windows: GateWindow[]; override: GateOverride | null };

export type GateBlock = { cord: GateCord | null; freeze: { id: string; reason: string; until: Date } | null };
export type GateDecision = { kind: "allowed" } | { kind: "override"; overrideId: string; block: GateBlock } | { kind: "blocked"; block: GateBlock };

/** A window limited to some environments applies to calls that name one of them, or name none. */
function appliesTo(window: GateWindow, environment: string | undefined): boolean {
  if (window.environments.length === 0 || environment === undefined) return true;
  return window.environments.some((name) => name.toLowerCase() === environment.toLowerCase());
}

/** The freeze window running at `now` that ends last (the one a pipeline must wait out). */
function runningFreeze(windows: readonly GateWindow[], now: Date, environment?: string): GateBlock["freeze"] {
  let found: GateBlock["freeze"] = null;
  for (const window of windows) {
    if (!appliesTo(window, environment)) continue;
    const occurrence = activeOccurrence(window, now);
    if (occurrence && (!found || occurrence.endsAt > found.until)) found = { id: window.id, reason: window.reason, until: occurrence.endsAt };
  }
  return found;
}

export function decideGate(facts: GateFacts, now: Date, environment?: string): GateDecision {
  const block: GateBlock = { cord: facts.cord, freeze: runningFreeze(facts.windows, now, environment) };
  if (!block.cord && !block.freeze) return { kind: "allowed" };
  // Overrides are granted on a cord (lib/cords/mutations.ts grantOverride); one without a cord names no stop.
  const override = facts.override;
  if (override?.cordId && block.cord?.id === override.cordId && !block.freeze) return { kind: "override", overrideId: override.id, block };
  return { kind: "blocked", block };
}

/** The sentence a blocked pipeline prints. */
export function blockedDetail(serviceName: string, block: GateBlock): string {
  const parts: string[] = [];
  if (block.cord) {
    parts.push(
      `The Andon cord is pulled on ${serviceName}: ${block.cord.pulledByName ?? "someone"} stopped the line at ${block.cord.pulledAt.toISOString()} — ${block.cord.problem}`,
    );
  }
  if (block.freeze) parts.push(`${serviceName} is in the freeze window “${block.freeze.reason}” until ${block.freeze.until.toISOString()}.`);
  return parts.join(" ");
}
