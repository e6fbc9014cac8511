import { z } from "zod";

/** Browser-safe: forms import it for instant feedback (the hashing module is server-only). */
export const newPasswordSchema = z.string().min(10, "Use at least 10 characters.").max(200, "Use at most 200 characters.");
