import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";

/** A JSON row of a section: column names as the section's SELECT spells them. */
export type JsonRow = Record<string, unknown>;

const SECTION_NAME = /^[a-z][A-Za-z]*$/;

/**
 * Several independent reads in one statement (one round trip, one plan): each section is a SELECT
 * whose rows come back as one JSON array under its name, in the section's own ORDER BY (PostgreSQL
 * aggregates a sorted subquery's rows in that order). A page built of blocks reads them together
 * instead of one statement per block.
 */
export async function readJsonSections<Name extends string>(sections: Partial<Record<Name, Prisma.Sql>>): Promise<Partial<Record<Name, JsonRow[]>>> {
  const entries = Object.entries(sections) as [Name, Prisma.Sql][];
  if (entries.length === 0) return {};
  const columns = entries.map(([name, sql]) => {
    if (!SECTION_NAME.test(name)) throw new Error(`Section name ${name} is not a plain identifier.`);
    return Prisma.sql`(SELECT coalesce(json_agg(section), '[]'::json) FROM (${sql}) section) AS ${Prisma.raw(`"${name}"`)}`;
  });
  const [row] = await db.$queryRaw<Record<Name, unknown>[]>(Prisma.sql`SELECT ${Prisma.join(columns, ", ")}`);
  return Object.fromEntries(entries.map(([name]) => [name, Array.isArray(row?.[name]) ? (row[name] as JsonRow[]) : []])) as Partial<Record<Name, JsonRow[]>>;
}

/**
 * A date or timestamp read back from JSON. `timestamp` columns (Andon stores UTC) come without a
 * zone, so UTC is added; a `date` is midnight UTC; a value with a zone is taken as it is.
 */
export function jsonDate(value: unknown): Date | null {
  if (typeof value !== "string" || value === "") return null;
  if (/^\d{4}-\d\d-\d\d$/.test(value)) return new Date(`${value}T00:00:00Z`);
  return new Date(/(Z|[+-]\d\d:?\d\d)$/.test(value) ? value : `${value}Z`);
}

/** The most a section counts: past it a block says "100+" rather than pay for counting every match. */
export const SECTION_TOTAL_CAP = 100;

/** The parts of a section that shows its first rows and how many match (see firstRowsWithTotalSql). */
type FirstRowsParts = {
  /** The table and the alias every other part uses for it, e.g. `corrective_actions` and `ca`. */
  table: string;
  alias: string;
  /**
   * Inner joins that narrow the rows or give the order its key, made before the order and the count
   * (an ORDER BY on a joined column instead of a subquery per matching row). `joins` must join the
   * same tables under the same aliases when `orderBy` names them.
   */
  narrowingJoins?: Prisma.Sql;
  where: Prisma.Sql;
  orderBy: Prisma.Sql;
  limit: number;
  /** What the section returns, read after the joins. */
  columns: Prisma.Sql;
  /** Joins for the labels of the rows (team names, owners), made for the first rows only. */
  joins: Prisma.Sql;
};

/**
 * A section's first rows, each carrying `total`: how many rows match, counted up to
 * SECTION_TOTAL_CAP + 1. The rows are chosen before they are joined to their labels and the count
 * stops past the cap, so a block costs about the same for a team with ten matches and one with ten
 * thousand (a `count(*) OVER ()` over every match, joined, cost ~100 ms at 150,000 actions).
 */
export function firstRowsWithTotalSql(parts: FirstRowsParts): Prisma.Sql {
  if (!SECTION_NAME.test(parts.alias) || !/^[a-z_][a-z0-9_]*$/.test(parts.table))
    throw new Error(`${parts.table} ${parts.alias} is not a plain table and alias.`);
  const table = Prisma.sql`${Prisma.raw(`${parts.table} ${parts.alias}`)} ${parts.narrowingJoins ?? Prisma.empty}`;
  return Prisma.sql`
    SELECT ${parts.columns},
      (SELECT count(*) FROM (SELECT 1 FROM ${table} WHERE ${parts.where} LIMIT ${SECTION_TOTAL_CAP + 1}) capped) AS total
    FROM (SELECT ${Prisma.raw(parts.alias)}.* FROM ${table} WHERE ${parts.where} ORDER BY ${parts.orderBy} LIMIT ${parts.limit}) ${Prisma.raw(parts.alias)}
    ${parts.joins}
    ORDER BY ${parts.orderBy}`;
}

/** The `total` of a section's first row: how many rows there are before its LIMIT (or past the cap, see totalLabel). */
export function sectionTotal(rows: readonly JsonRow[]): number {
  return Number(rows[0]?.total ?? 0);
}

/** A section's total as a block shows it: "100+" past the cap. */
export function totalLabel(total: number): string {
  return total > SECTION_TOTAL_CAP ? `${SECTION_TOTAL_CAP}+` : String(total);
}
