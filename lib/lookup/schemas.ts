import { z } from "zod";
import { NAME_CANDIDATES_MAX } from "@/lib/coes/blameless";

/** One choice of a type-ahead picker (components/ui/type-ahead.tsx), as the lookup routes answer it. */
export type LookupItem = { value: string; label: string; hint?: string };

/** The lookup routes a picker can ask: every person (or every possible action owner), team, service or readable COE of the caller's organization. */
export const LOOKUP_SOURCES = {
  people: "/api/lookup/people",
  /** People who may own corrective actions: everyone but those who are only viewers. */
  owners: "/api/lookup/owners",
  services: "/api/lookup/services",
  /** Teams, for filters by a team and its sub-teams. */
  teams: "/api/lookup/teams",
  /** Teams whose work the caller may see (team.view): filters of what only those teams' viewers read, such as actions. */
  viewableTeams: "/api/lookup/viewable-teams",
  coes: "/api/lookup/coes",
} as const;
export type LookupSource = (typeof LOOKUP_SOURCES)[keyof typeof LOOKUP_SOURCES];

const LOOKUP_DEFAULT_LIMIT = 20;
const LOOKUP_MAX_LIMIT = 50;

export const lookupQuerySchema = z.object({
  q: z.string().max(200, "Type at most 200 characters.").default(""),
  limit: z.coerce.number().int().min(1).max(LOOKUP_MAX_LIMIT, `Ask for at most ${LOOKUP_MAX_LIMIT} at a time.`).default(LOOKUP_DEFAULT_LIMIT),
});

/** Where the COE editor asks which of an answer's words begin a colleague's name (the blameless-writing hints). */
export const COLLEAGUE_NAMES_ROUTE = "/api/lookup/colleague-names";
/** More names than this for one batch of words is a list of the organization, not a hint. */
export const COLLEAGUE_NAMES_MAX = 200;

/** `?word=Maya&word=Rui`: the candidate words of an answer (lib/coes/blameless.ts nameCandidates), a batch at a time. */
export const colleagueNamesQuerySchema = z.object({
  word: z
    .array(z.string().trim().min(1, "A word cannot be empty.").max(100, "A word has at most 100 characters."))
    .max(NAME_CANDIDATES_MAX, `Ask for at most ${NAME_CANDIDATES_MAX} words at a time.`),
});
