import { z } from "zod";

/** PostgreSQL's bigint: a decimal id past this overflows the cast, and the statement fails. */
const MAX_BIGINT = 9_223_372_036_854_775_807n;

/** A positive bigint id as a decimal string (cursors, `before=`); null when it is not one PostgreSQL can hold. */
export function parseBigintId(value: unknown): bigint | null {
  if (typeof value !== "string" || !/^\d{1,19}$/.test(value)) return null;
  const id = BigInt(value);
  return id >= 1n && id <= MAX_BIGINT ? id : null;
}

/** The same as a schema, keeping the string (for cursor tuples). */
export const bigintIdStringSchema = z.string().refine((value) => parseBigintId(value) !== null, "Not an id this list issued.");
