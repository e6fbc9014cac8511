import { z } from "zod";

/** One choice of a type-ahead picker (components/ui/type-ahead.tsx), as the lookup routes answer it. */
export type LookupItem = { value: string; label: string; hint?: string };

/** The lookup routes a picker can ask: every person (or every possible action owner), service or readable COE of the caller's organization. */
export const LOOKUP_SOURCES = {
  people: "/api/lookup/people",
  /** People who may own corrective actions: everyone but those who are only viewers. */
  owners: "/api/lookup/owners",
  services: "/api/lookup/services",
  coes: "/api/lookup/coes",
} as const;
export type LookupSource = (typeof LOOKUP_SOURCES)[keyof typeof LOOKUP_SOURCES];

const LOOKUP_DEFAULT_LIMIT = 20;
const LOOKUP_MAX_LIMIT = 50;

export const lookupQuerySchema = z.object({
  q: z.string().max(200, "Type at most 200 characters.").default(""),
  limit: z.coerce.number().int().min(1).max(LOOKUP_MAX_LIMIT, `Ask for at most ${LOOKUP_MAX_LIMIT} at a time.`).default(LOOKUP_DEFAULT_LIMIT),
});
