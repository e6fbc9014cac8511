import { Prisma } from "@/lib/generated/prisma/client";
import { logWarn } from "@/lib/log";

/** A unique constraint refused the write: usually a duplicate name the user can fix. */
export function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

/**
 * A foreign key refused the write: e.g. deleting a team that COEs or actions still point at. Raw
 * statements report it as P2010 ("raw query failed") with the pg adapter's error in `meta`.
 */
export function isForeignKeyViolation(error: unknown): boolean {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError)) return false;
  if (error.code === "P2003") return true;
  const cause = (error.meta as { driverAdapterError?: { cause?: { kind?: unknown; originalCode?: unknown } } } | undefined)?.driverAdapterError?.cause;
  return error.code === "P2010" && (cause?.kind === "ForeignKeyConstraintViolation" || cause?.originalCode === "23503");
}

/**
 * The row a write targets was gone by the time the statement ran: someone removed it between the
 * read that found it and this write (a double click, two people at once). The caller is told it no
 * longer exists (404), never that the server failed.
 */
export function isRecordGone(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2025";
}

/**
 * Logged as a warning: usually a race the user caused, but the same error also comes from a
 * `findUniqueOrThrow` on a row that must exist, and that bug should not pass unseen.
 */
export function warnRecordGone(error: unknown, context: Record<string, unknown>): void {
  const { meta } = error as Prisma.PrismaClientKnownRequestError;
  logWarn("a write found its row gone (removed meanwhile?)", { ...context, meta });
}

export const RECORD_GONE_MESSAGE = "That record no longer exists: it was removed meanwhile. Reload to see the current state.";
