import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { lessonFromText, splitLessons } from "@/lib/learnings/split-lessons";
import { testDb } from "@/lib/coes/test-fixtures";

afterAll(() => testDb.$disconnect());

const ANSWERS: [string, string, string[]][] = [
  ["one paragraph", "Automate renewal.", ["Automate renewal."]],
  ["paragraphs joined per block", "First line\nstill first.\n\nSecond one.", ["First line still first.", "Second one."]],
  [
    "bullets and numbers, with continuation lines",
    "- item one\n  continues\n* item two\n+ three\n1. numbered\n2) also",
    ["item one continues", "item two", "three", "numbered", "also"],
  ],
  ["a paragraph then a list", "We learned:\n- alarms lie\n- runbooks rot", ["We learned:", "alarms lie", "runbooks rot"]],
  ["headings separate and vanish", "## DNS\nNegative TTLs matter.\n# Process\nChange review.", ["Negative TTLs matter.", "Change review."]],
  ["blank and whitespace only", "  \n\n \r\n", []],
  ["Windows line ends", "One.\r\n\r\nTwo.", ["One.", "Two."]],
];

describe("splitLessons", () => {
  it.each(ANSWERS)("splits %s", (_name, answer, statements) => {
    expect(splitLessons(answer).map((draft) => draft.statement)).toEqual(statements);
  });

  it("cuts a statement past 280 characters and keeps the whole text as the detail", () => {
    const long = "word ".repeat(80).trim();
    const draft = lessonFromText(long);
    expect([...draft.statement]).toHaveLength(280);
    expect(draft.statement.endsWith("…")).toBe(true);
    expect(draft.detail).toBe(long);
    expect(lessonFromText("short")).toEqual({ statement: "short", detail: "" });
  });

  it("splits exactly as the migration's SQL does for COEs that existed before lessons", async () => {
    const dir = path.join(process.cwd(), "prisma/migrations");
    const migration = readFileSync(
      path.join(
        dir,
        readdirSync(dir).find((name) => name.endsWith("_learnings"))!,
        "migration.sql",
      ),
      "utf8",
    );
    // The migration's split, run over literal answers instead of the coes table.
    const withClause = migration.slice(migration.indexOf("WITH lines AS ("), migration.indexOf('INSERT INTO "lessons"'));
    const answers = [...ANSWERS.map(([, answer]) => answer), `${"long ".repeat(70)}end`];
    const values = answers.map((_, index) => `($${index + 1}::text, 'c${index}', 'org', NULL::text)`).join(", ");
    const sql =
      withClause.replace("FROM coes c\n", `FROM (VALUES ${values}) AS c(lessons_learned, id, organization_id, created_by_id)\n`) +
      `SELECT coe_id, CASE WHEN char_length(body) <= 280 THEN body ELSE left(body, 279) || '…' END AS statement FROM numbered ORDER BY coe_id, position`;
    const rows = await testDb.$queryRawUnsafe<{ coe_id: string; statement: string }[]>(sql, ...answers);
    answers.forEach((answer, index) => {
      expect(
        rows.filter((row) => row.coe_id === `c${index}`).map((row) => row.statement),
        answer,
      ).toEqual(splitLessons(answer).map((draft) => draft.statement));
    });
  });
});
