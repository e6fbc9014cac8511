// Every event in the catalog has an emitter: its type appears as a literal in a lib file that writes
// the outbox (emitEvent / emitEvents, or SQL writing domain_events / outbox rows). lib/webhooks reads
// the outbox (formats, fan-out, OpenAPI) and does not count. An event listed but never written would
// be offered to webhook endpoints that then wait for it forever.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { EVENT_TYPES, WEEKLY_DIGEST_EVENT, type EventType } from "@/lib/events/catalog";

/** Types with no outbox emitter, each for a reason. */
const NOT_FROM_THE_OUTBOX: Partial<Record<EventType, string>> = {
  // Chosen with an endpoint's own option and queued per endpoint when a review agenda is announced
  // (lib/webhooks/digest-mutations.ts), not written to the outbox.
  [WEEKLY_DIGEST_EVENT]: "per-endpoint weekly digest",
  // Queued straight as a message for the one endpoint whose page asked for it (lib/webhooks/mutations.ts sendTestEvent).
  "webhook.test": "per-endpoint test message",
};

const LIB = path.join(process.cwd(), "lib");

const CATALOG = path.join(LIB, "events", "catalog.ts");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "generated" || full === path.join(LIB, "webhooks") ? [] : sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) && full !== CATALOG ? [full] : [];
  });
}

const emitters = sourceFiles(LIB)
  .map((file) => readFileSync(file, "utf8"))
  .filter((text) => /\bemitEvents?\(|\bdomain_events\b|\bdomainEvent\.create|\boutbox rows\b/.test(text));

const emitted = (type: string) => emitters.some((text) => text.includes(`"${type}"`) || text.includes(`'${type}'`));

describe("the event catalog", () => {
  it("has an emitter for every event type (or a stated reason why not)", () => {
    const missing = (Object.keys(EVENT_TYPES) as EventType[]).filter((type) => !(type in NOT_FROM_THE_OUTBOX) && !emitted(type));
    expect(missing).toEqual([]);
  });

  it("lists no exception that has an emitter after all", () => {
    expect(Object.keys(NOT_FROM_THE_OUTBOX).filter(emitted)).toEqual([]);
  });
});
