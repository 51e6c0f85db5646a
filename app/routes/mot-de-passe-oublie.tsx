import { zodResolver } from "@hookform/resolvers/zod";
import type { ActionFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useActionData, useNavigation } from "@remix-run/react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { requireCsrf } from "~/auth/csrf.server";
import { requestPasswordReset } from "~/auth/password-reset.server";
import { passwordResetRequestSchema } from "~/auth/schemas";
import { rateLimitedInit, tooManyAttemptsMessage } from "~/auth/throttle.server";
import { CheckedForm, FormError } from "~/components/checked-form";
import { Field } from "~/components/field";
import { parseForm } from "~/lib/forms";
import { defineAction } from "~/lib/route.server";

export const meta: MetaFunction = () => [{ title: "Mot de passe oublié — NR Procure" }];

type ActionData = { fieldErrors: Record<string, string[]>; formError: string | null; values: Record<string, string>; sentTo: string | null };

export const action = defineAction(async ({ request, context }: ActionFunctionArgs) => {
  const formData = await request.formData();
  await requireCsrf(request, formData);
  const parsed = parseForm(passwordResetRequestSchema, formData);
  if (!parsed.ok) return data<ActionData>({ fieldErrors: parsed.fieldErrors, formError: null, values: parsed.values, sentTo: null }, { status: 400 });
  const result = await requestPasswordReset({ email: parsed.data.email, clientAddress: context.clientAddress, request });
  if (!result.ok) return data<ActionData>({ fieldErrors: {}, formError: tooManyAttemptsMessage(result.retryAfterMs), values: { email: parsed.data.email }, sentTo: null }, rateLimitedInit(result.retryAfterMs));
  // The same answer whether or not the address has an account.
  return data<ActionData>({ fieldErrors: {}, formError: null, values: {}, sentTo: parsed.data.email });
});

export default function ForgottenPassword() {
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  const {
    register,
    handleSubmit,
    formState: { errors },
  } = useForm<z.infer<typeof passwordResetRequestSchema>>({ resolver: zodResolver(passwordResetRequestSchema), defaultValues: { email: actionData?.values.email ?? "" } });

  if (actionData?.sentTo) {
    return (
      <section className="card" style={{ maxWidth: "34rem" }}>
        <h1>Vérifiez votre messagerie</h1>
        <p className="alert alert--info" role="status">
          Si un compte existe pour <strong>{actionData.sentTo}</strong>, un e-mail vient de lui être envoyé avec un lien pour choisir un
          nouveau mot de passe. Le lien est valable une heure et ne sert qu'une fois.
        </p>
        <p>
          <Link to="/connexion">Retour à la connexion</Link>
        </p>
      </section>
    );
  }

  return (
    <section className="card" style={{ maxWidth: "34rem" }}>
      <h1>Mot de passe oublié</h1>
      <p className="muted">Indiquez l'adresse de votre compte : vous recevrez un lien pour choisir un nouveau mot de passe.</p>
      <FormError message={actionData?.formError} />
      <CheckedForm handleSubmit={handleSubmit}>
        <Field id="email" label="Adresse e-mail" error={errors.email?.message ?? actionData?.fieldErrors.email}>
          <input id="email" type="email" autoComplete="email" {...register("email")} />
        </Field>
        <div className="actions">
          <button type="submit" className="button" disabled={busy}>
            Envoyer le lien
          </button>
          <Link to="/connexion">Retour à la connexion</Link>
        </div>
      </CheckedForm>
    </section>
  );
}
