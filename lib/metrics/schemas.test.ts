// The one set of schemas the forms, the CSV import and the API parse with.
import { describe, expect, it } from "vitest";
import { metricDefinitionSchema, metricPointSchema, metricsViewSchema, metricValueFormSchema, parseTimestamp } from "@/lib/metrics/schemas";

describe("timestamps", () => {
  it.each([
    { input: "2026-11-26", iso: "2026-11-26T00:00:00.000Z" },
    { input: "2026-11-26T09:30:00Z", iso: "2026-11-26T09:30:00.000Z" },
    { input: "2026-11-26T09:30Z", iso: "2026-11-26T09:30:00.000Z" },
    { input: "2026-11-26T10:30:00+01:00", iso: "2026-11-26T09:30:00.000Z" },
    { input: "2026-11-26T09:30:00.123456Z", iso: "2026-11-26T09:30:00.123Z" },
    { input: "2026-11-26T09:30:00", iso: null }, // no offset: which time zone would it be?
    { input: "26/11/2026", iso: null },
    { input: "2026-02-30", iso: null },
    { input: "yesterday", iso: null },
    { input: "", iso: null },
  ])("$input → $iso", ({ input, iso }) => {
    expect(parseTimestamp(input)?.toISOString() ?? null).toBe(iso);
  });
});

describe("metric definition form", () => {
  const base = { serviceId: "svc", name: "Availability", direction: "UP", target: "", anomalyThresholdPct: "" };

  it("reads empty optional numbers as none, and numbers typed as text", () => {
    expect(metricDefinitionSchema.parse(base)).toMatchObject({ target: null, anomalyThresholdPct: null, cadence: "DAILY", unit: "" });
    expect(metricDefinitionSchema.parse({ ...base, target: "99.9", anomalyThresholdPct: "20" })).toMatchObject({ target: 99.9, anomalyThresholdPct: 20 });
  });

  it.each([
    { change: { target: "high" }, field: "target", message: "The target must be a number, e.g. 99.9." },
    { change: { anomalyThresholdPct: "0" }, field: "anomalyThresholdPct", message: "The threshold must be between 0 and 1000 percent." },
    { change: { name: " " }, field: "name", message: "Name the metric, e.g. “Availability”." },
    { change: { direction: "SIDEWAYS" }, field: "direction", message: "Say which direction is good." },
  ])("explains a bad $field", ({ change, field, message }) => {
    const result = metricDefinitionSchema.safeParse({ ...base, ...change });
    expect(result.success).toBe(false);
    expect(result.error!.issues.find((issue) => issue.path[0] === field)?.message).toBe(message);
  });
});

describe("record form and page view", () => {
  it("needs a number and a time", () => {
    const result = metricValueFormSchema.safeParse({ metricId: "m", timestamp: "soon", value: "" });
    expect(result.error!.issues.map((issue) => issue.path[0])).toEqual(["timestamp", "value"]);
    expect(metricValueFormSchema.parse({ metricId: "m", timestamp: "2026-11-26", value: "412" }).value).toBe(412);
  });

  it("refuses null and true/false as a pushed value, which Number() would make 0 and 1", () => {
    const point = (value: unknown) => metricPointSchema.safeParse({ service: "s", metric: "m", timestamp: "2026-11-26", value });
    for (const value of [null, true, false, "abc", "Infinity"]) {
      expect(
        point(value).error?.issues.map((issue) => [issue.path[0], issue.message]),
        String(value),
      ).toEqual([["value", "The value must be a number."]]);
    }
    expect(point("0").data?.value).toBe(0);
    expect(point(-1.5).data?.value).toBe(-1.5);
  });

  it("falls back to defaults for a hand-edited URL instead of failing", () => {
    expect(metricsViewSchema.parse({ severity: "SEV9", window: "7", weeks: "x" })).toEqual({
      team: undefined,
      severity: "all",
      window: "90",
      weeks: "26",
      teams: "children",
      recurrences: "newest",
      metrics: "first",
    });
    expect(metricsViewSchema.parse({ team: "team_x", severity: "SEV2", window: "365", weeks: "52", teams: "all", recurrences: "all", metrics: "all" })).toEqual(
      {
        team: "team_x",
        severity: "SEV2",
        window: "365",
        weeks: "52",
        teams: "all",
        recurrences: "all",
        metrics: "all",
      },
    );
  });
});
