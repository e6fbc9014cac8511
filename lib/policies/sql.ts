import { Prisma } from "@/lib/generated/prisma/client";

/** A UTC instant as the `timestamp(3)` (without time zone, holding UTC) columns Prisma writes. */
export function utc(date: Date): Prisma.Sql {
  return Prisma.sql`(${date.toISOString()}::timestamptz AT TIME ZONE 'UTC')`;
}

/** Monday 00:00 UTC of the week holding `date` (compliance snapshots are weekly). */
export function weekStart(date: Date): Date {
  const day = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  const offset = (day.getUTCDay() + 6) % 7;
  return new Date(day.getTime() - offset * 86_400_000);
}
