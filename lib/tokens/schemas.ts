import { z } from "zod";

export const tokenCreateSchema = z.object({
  name: z.string().trim().min(1, "Name the token after what will use it, e.g. “CI pipeline”.").max(80, "Keep the name under 80 characters."),
  expiresInDays: z.union([z.literal(30), z.literal(90), z.literal(365), z.null()]).default(90),
});
export type TokenCreateInput = z.input<typeof tokenCreateSchema>;

export const tokenRevokeSchema = z.object({ tokenId: z.string().min(1).max(40) });
