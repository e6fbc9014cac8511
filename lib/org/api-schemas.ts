import { z } from "zod";
import { pageSchema, paginationQuerySchema } from "@/lib/api/pagination";

// Shapes of the org tree in /api/v1. Request bodies reuse lib/org/schemas.ts (the settings forms'
// schemas), so the API and the UI accept exactly the same input.

const teamId = z.string().trim().min(1).max(40);

export const teamSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    description: z.string(),
    parentId: z.string().nullable().meta({ description: "The parent team; null for a top-level team." }),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: "Team" });
export type TeamJson = z.infer<typeof teamSchema>;

export const teamPageSchema = pageSchema(teamSchema).meta({ id: "TeamPage" });

export function teamJson(row: { id: string; name: string; description: string; parentId: string | null; createdAt: Date }): TeamJson {
  return { id: row.id, name: row.name, description: row.description, parentId: row.parentId, createdAt: row.createdAt.toISOString() };
}

export const ROOT_PARENT = "root";

export const teamListQuerySchema = paginationQuerySchema.extend({
  parentId: teamId.optional().meta({ description: "Only the direct sub-teams of this team; `root` for top-level teams." }),
});

const serviceSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    description: z.string(),
    teamId: z.string().meta({ description: "The team that owns and operates the service." }),
  })
  .meta({ id: "Service" });
export type ServiceJson = z.infer<typeof serviceSchema>;

export const servicePageSchema = pageSchema(serviceSchema).meta({ id: "ServicePage" });

export const serviceListQuerySchema = paginationQuerySchema
  .extend({
    teamId: teamId.optional().meta({ description: "Only services owned by this team." }),
    includeSubteams: z
      .enum(["true", "false"], { error: "includeSubteams must be true or false" })
      .default("false")
      .meta({ description: "With `teamId`: also the services of every team below it." }),
  })
  .refine((query) => query.includeSubteams === "false" || query.teamId !== undefined, {
    path: ["includeSubteams"],
    message: "includeSubteams needs a teamId.",
  });

/** Keyset cursors of the team and service lists: the last id of the page. */
export const idCursorSchema = z.tuple([z.string().min(1).max(40)]);
