import { z } from "zod";
import { newPasswordSchema } from "@/lib/auth/password-policy";
import { TEAM_ROLES } from "@/lib/permissions";

export const userCreateSchema = z.object({
  name: z.string().trim().min(1, "Enter the person's name.").max(120, "Keep the name under 120 characters."),
  email: z.string().trim().toLowerCase().pipe(z.email("Enter a valid email address.")),
  isAdmin: z.boolean().default(false),
  teamId: z.string().trim().max(40).nullable().default(null),
  role: z.enum(TEAM_ROLES).default("MEMBER"),
});

export const membershipSetSchema = z.object({
  userId: z.string().min(1).max(40),
  teamId: z.string().min(1, "Choose a team.").max(40),
  /** null removes the membership. */
  role: z.enum(TEAM_ROLES).nullable(),
});

export const userAdminSetSchema = z.object({ userId: z.string().min(1).max(40), isAdmin: z.boolean() });
export const userActiveSetSchema = z.object({ userId: z.string().min(1).max(40), active: z.boolean() });
export const userIdSchema = z.object({ userId: z.string().min(1).max(40) });

export const passwordChangeSchema = z
  .object({
    currentPassword: z.string().min(1, "Enter your current password.").max(200),
    newPassword: newPasswordSchema,
    confirmPassword: z.string().max(200),
    /** "Also revoke my API tokens", on by default: a changed password usually means a worry. */
    revokeTokens: z.boolean().default(true),
  })
  .refine((value) => value.newPassword === value.confirmPassword, {
    path: ["confirmPassword"],
    message: "The two new passwords do not match.",
  })
  .refine((value) => value.newPassword !== value.currentPassword, {
    path: ["newPassword"],
    message: "Choose a password different from the current one.",
  });

export const userSearchSchema = z.object({
  q: z.string().trim().max(100).optional(),
  page: z.coerce.number().int().min(1).default(1),
});
