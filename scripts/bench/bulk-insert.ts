import type pg from "pg";

export type Column = { name: string; type: string };

const CHUNK = 5000;

/**
 * Inserts rows with one `INSERT … SELECT * FROM unnest(…)` per chunk: one round trip per 5,000 rows,
 * column arrays typed by PostgreSQL, no string-built SQL values.
 */
export async function bulkInsert(client: pg.PoolClient | pg.Client, table: string, columns: Column[], rows: unknown[][]): Promise<void> {
  const names = columns.map((column) => `"${column.name}"`).join(", ");
  const arrays = columns.map((column, index) => `$${index + 1}::${column.type}[]`).join(", ");
  const sql = `INSERT INTO "${table}" (${names}) SELECT * FROM unnest(${arrays})`;
  for (let start = 0; start < rows.length; start += CHUNK) {
    const chunk = rows.slice(start, start + CHUNK);
    const values = columns.map((_, index) => chunk.map((row) => row[index]));
    await client.query(sql, values);
  }
}
