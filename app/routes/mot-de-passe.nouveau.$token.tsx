import { zodResolver } from "@hookform/resolvers/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { requireCsrf } from "~/auth/csrf.server";
import { openPasswordReset, resetPassword } from "~/auth/password-reset.server";
import { passwordResetSchema, PASSWORD_HINT } from "~/auth/schemas";
import { CheckedForm } from "~/components/checked-form";
import { Field } from "~/components/field";
import { redirectWithFlash } from "~/lib/flash.server";
import { parseForm } from "~/lib/forms";
import { defineAction, defineLoader } from "~/lib/route.server";

export const meta: MetaFunction = () => [{ title: "Nouveau mot de passe — NR Procure" }, { name: "robots", content: "noindex" }, { name: "referrer", content: "no-referrer" }];

/** Opening the link shows the form; it is used (once) only when the form is posted. */
export const loader = defineLoader(async ({ params }: LoaderFunctionArgs) => {
  return await openPasswordReset({ token: params.token ?? "" });
});

export const action = defineAction(async ({ request, params, context }: ActionFunctionArgs) => {
  const formData = await request.formData();
  await requireCsrf(request, formData);
  const parsed = parseForm(passwordResetSchema, formData);
  if (!parsed.ok) return data({ fieldErrors: parsed.fieldErrors }, { status: 400 });
  const result = await resetPassword({ token: params.token ?? "", password: parsed.data.password, clientAddress: context.clientAddress });
  if (!result.ok) return data({ fieldErrors: result.fieldErrors }, { status: 400 });
  return redirectWithFlash("/connexion", { message: "Votre mot de passe est modifié et toutes les sessions de votre compte sont fermées. Connectez-vous avec le nouveau mot de passe." });
});

export default function NewPassword() {
  const { email } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  const {
    register,
    handleSubmit,
    formState: { errors },
  } = useForm<z.infer<typeof passwordResetSchema>>({ resolver: zodResolver(passwordResetSchema), mode: "onBlur" });
  return (
    <section className="card" style={{ maxWidth: "34rem" }}>
      <h1>Choisir un nouveau mot de passe</h1>
      <p>
        Compte : <strong>{email}</strong>. Toutes les sessions ouvertes sur ce compte seront fermées.
      </p>
      <CheckedForm handleSubmit={handleSubmit}>
        {/* Lets password managers file the new password under the right account. */}
        <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
        <Field
          id="password"
          label="Nouveau mot de passe"
          hint={PASSWORD_HINT}
          error={errors.password?.message ?? actionData?.fieldErrors.password}
        >
          <input id="password" type="password" autoComplete="new-password" {...register("password")} />
        </Field>
        <div className="actions">
          <button type="submit" className="button" disabled={busy}>
            Enregistrer le mot de passe
          </button>
        </div>
      </CheckedForm>
    </section>
  );
}
