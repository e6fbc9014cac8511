import { z } from "zod";
import { createActionSchema } from "@/lib/actions/schemas";
import { CORD_SEVERITIES } from "@/lib/cords/labels";

/** One schema per form, shared by the form, the server action and the API (CONTRIBUTING.md rule 1). */
const id = (what: string) => z.string().trim().min(1, `Choose a ${what}.`).max(64, `That ${what} id is too long.`);

const optionalLink = z.preprocess(
  (value) => (value === "" || value === undefined ? null : value),
  z
    .string()
    .trim()
    .max(2000, "That link is too long.")
    .refine((value) => /^https?:\/\/[^\s]+$/i.test(value), "Links must start with http:// or https://.")
    .nullable(),
);

/** What the puller says: the fields of "Pull the cord" (and of POST /api/v1/services/{id}/cord). */
export const cordReportFields = {
  problem: z.string().trim().min(1, "Say what is wrong.").max(2000, "Keep it under 2,000 characters; add a link for more."),
  customerImpact: z.string().trim().max(2000, "Keep the customer impact under 2,000 characters.").default(""),
  severity: z.enum(CORD_SEVERITIES, { error: "Choose stop deploys only or customer-facing defect." }).default("STOP_DEPLOYS"),
  link: optionalLink,
};

export const pullCordSchema = z.object({ serviceId: id("service"), ...cordReportFields });

export const cordNoteSchema = z.object({
  cordId: id("cord"),
  body: z.string().trim().min(1, "Write the note.").max(2000, "Keep a note under 2,000 characters."),
});

export const resolveCordSchema = z.object({
  cordId: id("cord"),
  resolutionNote: z.string().trim().min(1, "Say how the line was fixed.").max(5000, "Keep the resolution under 5,000 characters."),
});

export const grantOverrideSchema = z.object({
  cordId: id("cord"),
  justification: z.string().trim().min(1, "Say why this deploy must go out during the stop.").max(2000, "Keep the justification under 2,000 characters."),
});

export const startCoeSchema = z.object({ cordId: id("cord") });

/** A corrective action started from a cord (source ANDON_EVENT): the action's own fields; the owning team is the service's. */
export const cordActionSchema = createActionSchema
  .pick({ title: true, description: true, ownerId: true, type: true, priority: true, dueDate: true })
  .extend({ cordId: id("cord") });
