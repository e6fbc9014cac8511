import { z } from "zod";
import { newPasswordSchema } from "@/lib/auth/password-policy";

export const setupSchema = z
  .object({
    organizationName: z.string().trim().min(1, "Name your organization.").max(80, "Keep the name under 80 characters."),
    name: z.string().trim().min(1, "Enter your name.").max(120, "Keep the name under 120 characters."),
    email: z.string().trim().toLowerCase().pipe(z.email("Enter a valid email address.")),
    password: newPasswordSchema,
    confirmPassword: z.string().max(200),
  })
  .refine((value) => value.password === value.confirmPassword, { path: ["confirmPassword"], message: "The two passwords do not match." });
export type SetupInput = z.input<typeof setupSchema>;
