import { Prisma } from "@/lib/generated/prisma/client";

/** A unique constraint refused the write: usually a duplicate name the user can fix. */
export function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

/** A foreign key refused the write: e.g. deleting a team that COEs or actions still point at. */
export function isForeignKeyViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2003";
}
