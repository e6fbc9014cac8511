import { describe, expect, it } from "vitest";
import { chaosToolkitExperiment, experimentFormatProblems, JournalError, parseJournal } from "./chaos-toolkit";
import { sampleJournal } from "./journal-fixtures";
import { TEMPLATES, defaultParameters, renderTemplate } from "./templates";

describe("Chaos Toolkit export", () => {
  it.each(TEMPLATES.map((template) => [template.key, template] as const))("%s exports a valid experiment", (_key, template) => {
    const rendered = renderTemplate(template, defaultParameters(template));
    if (!rendered.ok) throw new Error("defaults must render");
    const document = chaosToolkitExperiment({ title: template.title, description: template.description, ...rendered.experiment });
    expect(experimentFormatProblems(document)).toEqual([]);
    expect(Object.keys(document)).toEqual(expect.arrayContaining(["title", "description", "steady-state-hypothesis", "method", "rollbacks"]));
    const hypothesis = document["steady-state-hypothesis"] as { title: string; probes: { tolerance: unknown; provider: { type: string } }[] };
    expect(hypothesis.probes[0]).toMatchObject({ tolerance: 200, provider: { type: "http" } });
    expect((document.method as { provider: { type: string; arguments: unknown } }[])[0]!.provider).toMatchObject({ type: "process" });
    // Survives a JSON round trip unchanged (what `chaos run` reads).
    expect(JSON.parse(JSON.stringify(document))).toEqual(document);
  });

  it("finds what is missing in a broken experiment", () => {
    expect(
      experimentFormatProblems({ title: "", method: [{ type: "dance", provider: {} }], "steady-state-hypothesis": { probes: [{ type: "probe", name: "p" }] } }),
    ).toEqual(
      expect.arrayContaining([
        "missing description",
        "title must be a non-empty string",
        "method[0].type must be action or probe",
        "probes[0].tolerance is required",
      ]),
    );
  });
});

describe("journal import", () => {
  it.each([
    { outcome: "completed" as const, status: "completed", deviated: false, verdict: "HELD" },
    { outcome: "deviated" as const, status: "failed", deviated: true, verdict: "DEVIATED" },
    { outcome: "aborted" as const, status: "aborted", deviated: false, verdict: "ABORTED" },
    { outcome: "interrupted" as const, status: "interrupted", deviated: false, verdict: "ABORTED" },
  ])("a $outcome journal → status $status, verdict $verdict", ({ outcome, status, deviated, verdict }) => {
    const parsed = parseJournal(JSON.stringify(sampleJournal(outcome)));
    expect(parsed).toMatchObject({ status, deviated, verdict, chaosVersion: "1.44.0", experimentTitle: "Add network latency" });
    expect(parsed.startedAt?.toISOString()).toBe("2026-03-04T10:00:00.000Z");
    expect(parsed.activities[0]).toMatchObject({ phase: "steady-state-before", name: "health-endpoint-answers-200", status: "succeeded" });
    expect(parsed.activities.some((activity) => activity.phase === "rollback")).toBe(true);
  });

  it("the same journal gives the same key; key order does not matter", () => {
    const journal = sampleJournal("completed");
    const reordered = Object.fromEntries(Object.entries(journal).reverse());
    expect(parseJournal(journal).idempotencyKey).toBe(parseJournal(reordered).idempotencyKey);
    expect(parseJournal(sampleJournal("deviated")).idempotencyKey).not.toBe(parseJournal(journal).idempotencyKey);
  });

  it("reads a newer journal for what it understands and lists the rest", () => {
    const newer = { ...sampleJournal("completed"), status: "Completed", "chaoslib-version": "9.0.0", verification: { foo: 1 }, run: [{ weird: true }, 42] };
    const parsed = parseJournal(newer);
    expect(parsed.verdict).toBe("HELD");
    expect(parsed.unknownKeys).toEqual(["verification"]);
    expect(parsed.activities.filter((activity) => activity.phase === "method")).toEqual([
      { phase: "method", name: "(unnamed activity)", type: "unknown", status: "unknown", start: null, end: null, output: null },
    ]);
  });

  it("an unknown status never counts as held", () => {
    expect(parseJournal({ status: "paused", deviated: false }).verdict).toBe("DEVIATED");
  });

  it.each([
    ["", /empty/],
    ["{not json", /not valid JSON/],
    ["[1,2]", /JSON object/],
    ["null", /JSON object/],
    ['{"deviated": false}', /no `status`/],
    ['{"status": "completed", "deviated": "no"}', /true or false/],
    ['{"status": "completed", "deviated": false, "run": {}}', /must be a list/],
    ['{"status": "completed"}', /no `deviated`/],
    ['{"status": "completed", "deviated": false, "run": []}', /verifies nothing/],
  ])("refuses %j with a clear error", (text, message) => {
    expect(() => parseJournal(text)).toThrow(JournalError);
    expect(() => parseJournal(text)).toThrow(message);
  });
});

describe("journal text and dates PostgreSQL cannot hold", () => {
  const now = new Date("2026-03-05T00:00:00Z");
  /** The least a journal needs: a status, whether it deviated, and one activity run. */
  const minimal = { status: "completed", deviated: false, run: [{ activity: { name: "probe", type: "probe" }, status: "succeeded" }] };

  it("drops NUL from every string and key, in uploaded text as in a parsed body", () => {
    const journal = { ...sampleJournal("completed"), node: "runner\u0000-1", "extra\u0000key": ["a\u0000b"] };
    for (const input of [journal, JSON.stringify(journal)]) {
      const parsed = parseJournal(input, now);
      expect(JSON.stringify(parsed.journal)).not.toContain("\\u0000");
      expect(parsed.journal).toMatchObject({ node: "runner-1", extrakey: ["ab"] });
      expect(parsed.unknownKeys).toEqual(["extrakey"]);
      expect(parsed.idempotencyKey).toBe(parseJournal({ ...sampleJournal("completed"), node: "runner-1", extrakey: ["ab"] }, now).idempotencyKey);
    }
  });

  it("refuses a lone surrogate, naming where it is", () => {
    expect(() => parseJournal(`${JSON.stringify(minimal).slice(0, -1)},"node":"\\ud800"}`, now)).toThrow(/`node`/);
  });

  it("reads naive UTC, offsets and fractions; an absent date is no date", () => {
    const read = (start: unknown) => parseJournal({ ...minimal, start }, now).startedAt?.toISOString() ?? null;
    expect(read("2026-03-04T10:00:00.123456")).toBe("2026-03-04T10:00:00.123Z");
    expect(read("2026-03-04T12:00:00+02:00")).toBe("2026-03-04T10:00:00.000Z");
    expect(read(undefined)).toBeNull();
    expect(read(null)).toBeNull();
  });

  it.each([
    ["start", "+275760-09-13T00:00:00.000Z"],
    ["start", "-000001-01-01T00:00:00"],
    ["start", "0000-01-01T00:00:00"],
    ["end", "March 4, 2026 10:00"],
    ["end", "2026-02-30T10:00:00"],
    ["end", 1772618400000],
    ["end", ""],
    ["start", "2026-03-06T10:00:00"],
  ])("refuses `%s` = %j with the field named", (field, value) => {
    let error: unknown;
    try {
      parseJournal({ ...minimal, [field]: value }, now);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(JournalError);
    expect((error as JournalError).fieldErrors).toEqual({ [`journal.${field}`]: [expect.stringContaining(`\`${field}\``)] });
  });

  it("refuses JSON nested far deeper than any journal instead of overflowing the stack", () => {
    const deep = `${JSON.stringify(minimal).slice(0, -1)},"node":${"[".repeat(100_000)}${"]".repeat(100_000)}}`;
    expect(() => parseJournal(deep, now)).toThrow(/nested more than 64 levels/);
    expect(parseJournal({ ...minimal, node: JSON.parse(`${"[".repeat(60)}${"]".repeat(60)}`) }, now).status).toBe("completed");
  });

  it("refuses a run that ends before it starts", () => {
    expect(() => parseJournal({ ...minimal, start: "2026-03-04T10:00:00", end: "2026-03-04T09:00:00" }, now)).toThrow(/`end` is before/);
  });
});
