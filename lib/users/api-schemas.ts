import { z } from "zod";
import { TEAM_ROLES } from "@/lib/permissions";

/** GET /api/v1/me: who the token (or session) belongs to. */
export const meResponseSchema = z
  .object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    organization: z.object({ id: z.string(), name: z.string() }),
    isAdmin: z.boolean().meta({ description: "Organization admins may change organization settings and read the audit log." }),
    teams: z
      .array(z.object({ id: z.string(), name: z.string(), role: z.enum(TEAM_ROLES) }))
      .meta({ description: "Teams the user holds a role on directly. A role also applies to every team below it." }),
  })
  .meta({ id: "Me" });
export type MeResponse = z.infer<typeof meResponseSchema>;
