import { describe, expect, it } from "vitest";
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db";
import { SECTION_TOTAL_CAP, firstRowsWithTotalSql, jsonDate, readJsonSections, sectionTotal, totalLabel } from "@/lib/sql-sections";

describe("readJsonSections", () => {
  it("reads every section in one statement, each in its own order, with its total before the limit", async () => {
    const sections = await readJsonSections({
      descending: Prisma.sql`SELECT n, count(*) OVER () AS total FROM generate_series(1, 50) AS n ORDER BY n DESC LIMIT 5`,
      empty: Prisma.sql`SELECT n FROM generate_series(1, 3) AS n WHERE n > ${10}`,
      stamps: Prisma.sql`SELECT timestamp '2026-03-29 01:30:00.250' AS at, date '2026-12-06' AS day`,
    });
    expect(sections.descending?.map((row) => row.n)).toEqual([50, 49, 48, 47, 46]);
    expect(sectionTotal(sections.descending ?? [])).toBe(50);
    expect(sections.empty).toEqual([]);
    expect(sectionTotal([])).toBe(0);
    expect(jsonDate(sections.stamps?.[0]?.at)?.toISOString()).toBe("2026-03-29T01:30:00.250Z");
    expect(jsonDate(sections.stamps?.[0]?.day)?.toISOString()).toBe("2026-12-06T00:00:00.000Z");
  });

  it("asks nothing for no sections and refuses a name that is not a plain identifier", async () => {
    expect(await readJsonSections({})).toEqual({});
    await expect(readJsonSections({ 'x"; DROP': Prisma.sql`SELECT 1` })).rejects.toThrow(/plain identifier/);
  });
});

describe("firstRowsWithTotalSql", () => {
  const table = `sql_sections_probe_${process.pid}`;

  it("returns the first rows in order, labelled after the limit, with the count of every match up to past the cap", async () => {
    await db.$executeRawUnsafe(`CREATE TABLE ${table} (n integer PRIMARY KEY, label text NOT NULL)`);
    try {
      await db.$executeRawUnsafe(`INSERT INTO ${table} SELECT n, 'row ' || n FROM generate_series(1, 250) AS n`);
      const section = (below: number) =>
        firstRowsWithTotalSql({
          table,
          alias: "p",
          where: Prisma.sql`p.n < ${below}`,
          orderBy: Prisma.sql`p.n DESC`,
          limit: 3,
          columns: Prisma.sql`p.n, l.upper`,
          joins: Prisma.sql`CROSS JOIN LATERAL (SELECT upper(p.label) AS upper) l`,
        });
      const { few, many, none } = await readJsonSections({ few: section(11), many: section(1000), none: section(0) });
      expect(few?.map((row) => [row.n, row.upper])).toEqual([
        [10, "ROW 10"],
        [9, "ROW 9"],
        [8, "ROW 8"],
      ]);
      expect(sectionTotal(few ?? [])).toBe(10);
      expect(sectionTotal(many ?? [])).toBe(SECTION_TOTAL_CAP + 1);
      expect(totalLabel(sectionTotal(many ?? []))).toBe(`${SECTION_TOTAL_CAP}+`);
      expect(totalLabel(sectionTotal(few ?? []))).toBe("10");
      expect(none).toEqual([]);
    } finally {
      await db.$executeRawUnsafe(`DROP TABLE ${table}`);
    }
  });

  it("refuses a table or alias that is not a plain name", () => {
    const parts = { where: Prisma.sql`true`, orderBy: Prisma.sql`1`, limit: 1, columns: Prisma.sql`1`, joins: Prisma.empty };
    expect(() => firstRowsWithTotalSql({ ...parts, table: "coes; DROP", alias: "c" })).toThrow(/plain table/);
    expect(() => firstRowsWithTotalSql({ ...parts, table: "coes", alias: "c c" })).toThrow(/plain table/);
  });
});

describe("jsonDate", () => {
  it("keeps a zone that is given and reads nothing as null", () => {
    expect(jsonDate("2026-12-06T10:00:00+02:00")?.toISOString()).toBe("2026-12-06T08:00:00.000Z");
    expect(jsonDate(null)).toBeNull();
    expect(jsonDate("")).toBeNull();
  });
});
