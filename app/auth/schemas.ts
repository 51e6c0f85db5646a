import { z } from "zod";

/** Input schemas for the account forms, shared by the browser (react-hook-form) and the actions. */
export const emailField = z
  .string({ error: "Adresse e-mail obligatoire" })
  .trim()
  .toLowerCase()
  .min(1, "Adresse e-mail obligatoire")
  .max(254, "Adresse e-mail trop longue")
  .email("Adresse e-mail invalide");

export const newPasswordField = z
  .string({ error: "Mot de passe obligatoire" })
  .min(12, "Le mot de passe doit contenir au moins 12 caractères")
  .max(200, "Le mot de passe ne doit pas dépasser 200 caractères");

export const signInSchema = z.object({
  email: emailField,
  password: z.string({ error: "Mot de passe obligatoire" }).min(1, "Mot de passe obligatoire").max(200),
  redirectTo: z.string().optional(),
});
export type SignInInput = z.infer<typeof signInSchema>;

export const signUpSchema = z.object({
  name: z.string({ error: "Nom obligatoire" }).trim().min(2, "Indiquez votre nom (2 caractères au moins)").max(120),
  email: emailField,
  password: newPasswordField,
  organisationName: z
    .string({ error: "Nom de l'organisation obligatoire" })
    .trim()
    .min(2, "Indiquez le nom de votre organisation")
    .max(200),
  organisationKind: z.enum(["buyer", "supplier"], { error: "Choisissez « acheteur » ou « fournisseur »" }),
});
export type SignUpInput = z.infer<typeof signUpSchema>;

/** Only same-site relative paths are followed after sign-in (no open redirect). */
export function safeRedirect(to: unknown, fallback = "/"): string {
  if (typeof to !== "string" || !to.startsWith("/") || to.startsWith("//") || to.startsWith("/\\")) return fallback;
  return to;
}

/** « Mot de passe oublié ? » */
export const passwordResetRequestSchema = z.object({ email: emailField });

/** The new password chosen through a reset link. */
export const passwordResetSchema = z.object({ password: newPasswordField });

/** Password change while signed in. */
export const passwordChangeSchema = z.object({
  currentPassword: z.string({ error: "Mot de passe actuel obligatoire" }).min(1, "Mot de passe actuel obligatoire").max(200),
  newPassword: newPasswordField,
});
export type PasswordChangeInput = z.infer<typeof passwordChangeSchema>;

/** What the new-password fields say (the strength rule itself is checked on the server). */
export const PASSWORD_HINT = "12 caractères au moins, difficile à deviner : une phrase de plusieurs mots sans rapport entre eux convient bien.";
