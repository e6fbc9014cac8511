import type pg from "pg";

/** `type` is the element type of the parameter array; `cast` converts each value on the way in (e.g. text → text[]). */
export type Column = { name: string; type: string; cast?: string };

/** Column builders, so a table's column list reads as its names: `col.text("id")`, `col.enumText("status", "CoeStatus")`. */
export const col = {
  text: (name: string): Column => ({ name, type: "text" }),
  int: (name: string): Column => ({ name, type: "int" }),
  float8: (name: string): Column => ({ name, type: "float8" }),
  boolean: (name: string): Column => ({ name, type: "boolean" }),
  date: (name: string): Column => ({ name, type: "date" }),
  timestamp: (name: string): Column => ({ name, type: "timestamp" }),
  timestamptz: (name: string): Column => ({ name, type: "timestamptz" }),
  jsonb: (name: string): Column => ({ name, type: "jsonb" }),
  /** JSON sent as text and cast on the way in. */
  jsonText: (name: string): Column => ({ name, type: "text", cast: "jsonb" }),
  /** A PostgreSQL array literal sent as text. */
  textArray: (name: string): Column => ({ name, type: "text", cast: "text[]" }),
  /** A value of a PostgreSQL enum sent as text. */
  enumText: (name: string, enumType: string): Column => ({ name, type: "text", cast: `"${enumType}"` }),
  /** A parameter array already typed as the enum. */
  enumArray: (name: string, enumType: string): Column => ({ name, type: `"${enumType}"` }),
};

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
