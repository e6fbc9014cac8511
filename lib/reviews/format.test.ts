import { describe, expect, it } from "vitest";
import { reviewState } from "@/lib/reviews/format";

describe("reviewState", () => {
  const endsAt = new Date("2026-11-26T10:00:00Z");
  it.each([
    ["PLANNED", "2026-11-26T09:59:00Z", "Planned"],
    ["PLANNED", "2026-11-26T10:00:00Z", "Not held"],
    ["PLANNED", "2026-12-05T08:00:00Z", "Not held"],
    ["RUNNING", "2026-12-05T08:00:00Z", "Running"],
    ["PUBLISHED", "2026-11-20T08:00:00Z", "Published"],
  ] as const)("%s, seen at %s → %s", (status, now, label) => {
    expect(reviewState(status, endsAt, new Date(now)).label).toBe(label);
  });
});
