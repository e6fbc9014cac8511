import type pg from "pg";

/** `type` is the element type of the parameter array; `cast` converts each value on the way in (e.g. text → text[]). */
export type Column = { name: string; type: string; cast?: string };

const CHUNK = 5000;

/**
 * Inserts rows with one `INSERT … SELECT * FROM unnest(…)` per chunk: one round trip per 5,000 rows,
 * column arrays typed by PostgreSQL, no string-built SQL values.
 */
export async function bulkInsert(client: pg.PoolClient | pg.Client, table: string, columns: Column[], rows: unknown[][]): Promise<void> {
  const names = columns.map((column) => `"${column.name}"`).join(", ");
  const arrays = columns.map((column, index) => `$${index + 1}::${column.type}[]`).join(", ");
  const aliases = columns.map((_, index) => `c${index}`);
  const selected = columns.map((column, index) => (column.cast ? `c${index}::${column.cast}` : `c${index}`)).join(", ");
  const sql = `INSERT INTO "${table}" (${names}) SELECT ${selected} FROM unnest(${arrays}) AS u(${aliases.join(", ")})`;
  for (let start = 0; start < rows.length; start += CHUNK) {
    const chunk = rows.slice(start, start + CHUNK);
    const values = columns.map((_, index) => chunk.map((row) => row[index]));
    await client.query(sql, values);
  }
}
