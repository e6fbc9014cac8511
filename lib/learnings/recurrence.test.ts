import { describe, expect, it } from "vitest";
import { isRecurrence, RECURRENCE_DAYS } from "@/lib/learnings/recurrence";

const DAY = 86_400_000;
const started = new Date("2026-10-01T00:00:00Z");
const subject = { serviceIds: ["dns", "web"], categoryIds: ["cat-dns"], startedAt: started, createdAt: new Date("2026-10-02T00:00:00Z") };
const approvedDaysBefore = (days: number) => new Date(started.getTime() - days * DAY);

describe("isRecurrence", () => {
  it.each([
    ["same service and category, approved 30 days before", { serviceIds: ["dns"], categoryIds: ["cat-dns"], approvedAt: approvedDaysBefore(30) }, true],
    ["approved exactly 180 days before", { serviceIds: ["web"], categoryIds: ["cat-dns"], approvedAt: approvedDaysBefore(RECURRENCE_DAYS) }, true],
    ["approved 181 days before", { serviceIds: ["dns"], categoryIds: ["cat-dns"], approvedAt: approvedDaysBefore(181) }, false],
    ["approved after the incident started", { serviceIds: ["dns"], categoryIds: ["cat-dns"], approvedAt: new Date(started.getTime() + DAY) }, false],
    ["never approved", { serviceIds: ["dns"], categoryIds: ["cat-dns"], approvedAt: null }, false],
    ["same service, other category", { serviceIds: ["dns"], categoryIds: ["cat-cert"], approvedAt: approvedDaysBefore(10) }, false],
    ["same category, other service", { serviceIds: ["db"], categoryIds: ["cat-dns"], approvedAt: approvedDaysBefore(10) }, false],
  ])("%s", (_name, earlier, expected) => {
    expect(isRecurrence(subject, earlier)).toBe(expected);
  });

  it("counts from the COE's creation while the incident start is unknown", () => {
    const earlier = { serviceIds: ["dns"], categoryIds: ["cat-dns"], approvedAt: new Date(subject.createdAt.getTime() - DAY / 2) };
    expect(isRecurrence({ ...subject, startedAt: null }, earlier)).toBe(true);
    expect(isRecurrence(subject, earlier)).toBe(false);
  });
});
