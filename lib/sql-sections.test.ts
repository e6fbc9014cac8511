import { describe, expect, it } from "vitest";
import { Prisma } from "@/lib/generated/prisma/client";
import { jsonDate, readJsonSections, sectionTotal } from "@/lib/sql-sections";

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

describe("jsonDate", () => {
  it("keeps a zone that is given and reads nothing as null", () => {
    expect(jsonDate("2026-12-06T10:00:00+02:00")?.toISOString()).toBe("2026-12-06T08:00:00.000Z");
    expect(jsonDate(null)).toBeNull();
    expect(jsonDate("")).toBeNull();
  });
});
