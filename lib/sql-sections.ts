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

/** `count(*) OVER ()` of a section's first row: how many rows there are before its LIMIT. */
export function sectionTotal(rows: readonly JsonRow[]): number {
  return Number(rows[0]?.total ?? 0);
}
