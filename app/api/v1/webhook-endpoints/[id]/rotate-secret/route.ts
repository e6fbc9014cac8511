import { z } from "zod";
import { apiRoute } from "@/lib/api/handler";
import { rotateWebhookSecret } from "@/lib/webhooks/mutations";

// The new secret is in this answer only; the old one keeps signing beside it for 24 hours.
export const POST = apiRoute({ params: z.object({ id: z.string().max(64) }) }, async ({ user, params }) => rotateWebhookSecret(user, params.id));
