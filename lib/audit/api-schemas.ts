import { z } from "zod";
import { bigintIdStringSchema } from "@/lib/validation/numbers";
import { pageSchema, paginationQuerySchema } from "@/lib/api/pagination";

const auditEventSchema = z
  .object({
    id: z.string().meta({ description: "Rises with time; a decimal string because it may exceed 2^53." }),
    action: z.string().meta({ description: "`noun.verb`, e.g. `team.moved`.", example: "team.created" }),
    entityType: z.string().meta({ example: "team" }),
    entityId: z.string(),
    summary: z.string().meta({ example: "Created team Payments" }),
    changes: z.unknown().nullable().meta({ description: "Field-level `{ field: { from, to } }` where it helps; null otherwise." }),
    actor: z.object({ id: z.string(), name: z.string(), email: z.string() }).nullable().meta({ description: "Null for system changes and deleted users." }),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: "AuditEvent" });
export type AuditEventJson = z.infer<typeof auditEventSchema>;

export const auditEventPageSchema = pageSchema(auditEventSchema).meta({ id: "AuditEventPage" });

export const auditEventListQuerySchema = paginationQuerySchema.extend({
  entityType: z.string().trim().min(1).max(40).optional().meta({ description: "Only events about this kind of record, e.g. `team`." }),
});

/** Keyset cursor of the audit log (newest first): the last id of the page, as a decimal string. */
export const auditCursorSchema = z.tuple([bigintIdStringSchema]);
