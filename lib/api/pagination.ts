import { z } from "zod";

/** Cursor pagination for /api/v1 lists: `?limit=50&cursor=<opaque>`, answered with `nextCursor`. */
export const paginationQuerySchema = z.object({
  limit: z.coerce.number().int().min(1, "limit must be at least 1").max(200, "limit must be at most 200").default(50),
  cursor: z.string().max(500).optional(),
});

export function encodeCursor(values: unknown[]): string {
  return Buffer.from(JSON.stringify(values)).toString("base64url");
}

export function decodeCursor(cursor: string | undefined): unknown[] | null {
  if (!cursor) return null;
  try {
    const values: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    return Array.isArray(values) ? values : null;
  } catch {
    return null;
  }
}

/** Rows were fetched with `take: limit + 1`: the extra row says whether there is a next page. */
export function pageOf<T>(rows: T[], limit: number, cursorOf: (row: T) => unknown[]): { data: T[]; nextCursor: string | null } {
  const data = rows.slice(0, limit);
  const last = data.at(-1);
  return { data, nextCursor: rows.length > limit && last ? encodeCursor(cursorOf(last)) : null };
}
