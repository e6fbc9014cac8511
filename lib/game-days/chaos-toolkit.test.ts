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
    ['{"status": "completed", "run": {}}', /must be a list/],
  ])("refuses %j with a clear error", (text, message) => {
    expect(() => parseJournal(text)).toThrow(JournalError);
    expect(() => parseJournal(text)).toThrow(message);
  });
});
