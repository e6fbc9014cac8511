// vitest: isolate — its last test fills the process's list of prepared statements.
// Marked reads run as named prepared statements on the app's pool; everything else stays unnamed.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { PREPARED_STATEMENTS_MAX, preparedQuery, preparedSql, statementName } from "@/lib/prepared-statements";

describe("prepared statements", () => {
  it("names a marked statement by its text and leaves other statements unnamed", () => {
    const one = preparedSql`SELECT ${1}::int AS n`;
    expect(statementName({ sql: one.text })).toMatch(/^andon_[\w-]+$/);
    expect(statementName({ sql: preparedSql`SELECT ${2}::int AS n`.text })).toBe(statementName({ sql: one.text }));
    expect(statementName({ sql: preparedSql`SELECT ${1}::int AS m`.text })).not.toBe(statementName({ sql: one.text }));
    expect(statementName({ sql: Prisma.sql`SELECT ${1}::int AS n`.text })).toBe("");
    expect(statementName({ sql: preparedQuery(Prisma.sql`SELECT ${1}::int AS n`).text })).toBe(statementName({ sql: one.text }));
  });

  it("runs a marked statement prepared on the connection, with each call's values", async () => {
    const label = `prepared-${Date.now()}`;
    // One connection for the whole check: an interactive transaction holds it.
    const [first, second, prepared] = await db.$transaction(async (tx) => [
      await tx.$queryRaw<{ n: number; label: string }[]>(preparedSql`SELECT ${1}::int AS n, ${label}::text AS label`),
      await tx.$queryRaw<{ n: number; label: string }[]>(preparedSql`SELECT ${2}::int AS n, ${label}::text AS label`),
      await tx.$queryRaw<{ count: number }[]>`SELECT count(*)::int AS count FROM pg_prepared_statements WHERE statement LIKE ${`%::text AS label%`}`,
    ]);
    expect(first).toEqual([{ n: 1, label }]);
    expect(second).toEqual([{ n: 2, label }]);
    expect(prepared[0]!.count).toBe(1);
  });

  // Last: it fills this process's list of prepared statements.
  it("stops naming new texts past the limit, so a text that varies cannot fill every connection", () => {
    const names = Array.from({ length: PREPARED_STATEMENTS_MAX + 5 }, (_, index) =>
      statementName({ sql: preparedSql`SELECT ${index}::int AS ${Prisma.raw(`n${index}`)}`.text }),
    );
    expect(names.filter((name) => name === "").length).toBeGreaterThanOrEqual(5);
    // Texts named before the limit keep their names.
    expect(statementName({ sql: preparedSql`SELECT ${1}::int AS n0`.text })).toBe(names[0]);
  });
});
