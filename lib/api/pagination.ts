import { z } from "zod";
import { ValidationError } from "@/lib/errors";

/** Cursor pagination for /api/v1 lists: `?limit=50&cursor=<opaque>`, answered with `nextCursor`. */
export const paginationQuerySchema = z.object({
  limit: z.coerce
    .number()
    .int()
    .min(1, "limit must be at least 1")
    .max(200, "limit must be at most 200")
    .default(50)
    .meta({ description: "How many records to return (1–200).", example: 50 }),
  cursor: z.string().max(500).optional().meta({ description: "The `nextCursor` of the previous page, unchanged. Omit it for the first page." }),
});

/** A page of a list: the records and the cursor of the next page (null on the last page). */
export function pageSchema<T extends z.ZodType>(record: T) {
  return z.object({
    data: z.array(record),
    nextCursor: z.string().nullable().meta({ description: "Pass as `cursor` to get the next page; null when this is the last page." }),
  });
}

export function encodeCursor(values: unknown[]): string {
  return Buffer.from(JSON.stringify(values)).toString("base64url");
}

function decodeCursor(cursor: string | undefined): unknown[] | null {
  if (!cursor) return null;
  try {
    const values: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    return Array.isArray(values) ? values : null;
  } catch {
    return null;
  }
}

/**
 * The values a cursor carries, checked against the shape this list issues; null without a cursor.
 * A cursor we did not issue (edited, or from another list) is the caller's mistake: a 400 naming it.
 */
export function readCursor<T extends z.ZodType>(cursor: string | undefined, shape: T): z.output<T> | null {
  if (cursor === undefined) return null;
  const parsed = shape.safeParse(decodeCursor(cursor));
  if (!parsed.success) {
    throw new ValidationError("The cursor is not one this list issued.", {
      cursor: ["Pass the nextCursor of the previous page unchanged, or omit it for the first page."],
    });
  }
  return parsed.data;
}

/** Rows were fetched with `take: limit + 1`: the extra row says whether there is a next page. */
export function pageOf<T>(rows: T[], limit: number, cursorOf: (row: T) => unknown[]): { data: T[]; nextCursor: string | null } {
  const data = rows.slice(0, limit);
  const last = data.at(-1);
  return { data, nextCursor: rows.length > limit && last ? encodeCursor(cursorOf(last)) : null };
}
