import { createHash } from "node:crypto";
import { Prisma } from "@/lib/generated/prisma/client";
import { logWarn } from "@/lib/log";

// Hot reads, the ones every page or a busy page runs, are sent as named prepared statements: each
// pooled connection parses and plans them once and then only binds and runs them (PostgreSQL plans
// a prepared statement for its values the first five times, then keeps a generic plan when that is
// no worse). The rest stay unnamed, so the statements a connection keeps are a short list, never
// one per shape of a Prisma query.

/** The comment that opens a statement to be prepared. */
const PREPARED_MARK = "/* prepared */ ";

/**
 * The most distinct statements this process prepares. A marked statement's text must be one of a
 * few fixed shapes (values as parameters, never spliced in); should one vary per request anyway,
 * the texts past this many run unnamed instead of filling every connection with statements.
 */
export const PREPARED_STATEMENTS_MAX = 300;

const prepared = new Set<string>();
let warned = false;

/** `query`, marked to run as a named prepared statement: `db.$queryRaw<Row[]>(preparedQuery(sql))`. */
export function preparedQuery(query: Prisma.Sql): Prisma.Sql {
  return Prisma.sql([PREPARED_MARK, ""], query);
}

/** A marked raw statement written in place: `db.$queryRaw<Row[]>(preparedSql\`SELECT …\`)`. */
export function preparedSql(strings: TemplateStringsArray, ...values: unknown[]): Prisma.Sql {
  return preparedQuery(Prisma.sql(strings, ...values));
}

/** The statement name the driver adapter gives a marked statement (by its text); "" leaves the others unnamed. */
export function statementName(query: { sql: string }): string {
  if (!query.sql.startsWith(PREPARED_MARK)) return "";
  const name = `andon_${createHash("sha1").update(query.sql).digest("base64url")}`;
  if (!prepared.has(name)) {
    if (prepared.size >= PREPARED_STATEMENTS_MAX) {
      if (!warned) logWarn("more distinct prepared statements than expected: a marked statement's text varies", { example: query.sql.slice(0, 200) });
      warned = true;
      return "";
    }
    prepared.add(name);
  }
  return name;
}
