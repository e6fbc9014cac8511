import { apiRoute } from "@/lib/api/handler";
import { dryRunRule } from "@/lib/policies/queries";
import { dryRunSchema } from "@/lib/policies/schemas";

// Reads only: anyone in the organization may try a condition (service names are readable by all).
export const POST = apiRoute({ body: dryRunSchema }, async ({ user, body }) => dryRunRule(user, body));
