import { z } from "zod";
import { emailField, newPasswordField } from "~/auth/schemas";

/** Account creation from an invitation link (browser and server). */
export const joinSignUpSchema = z.object({
  name: z.string({ error: "Nom obligatoire" }).trim().min(2, "Indiquez votre nom (2 caractères au moins)").max(120),
  email: emailField,
  password: newPasswordField,
});
export type JoinSignUpInput = z.infer<typeof joinSignUpSchema>;
