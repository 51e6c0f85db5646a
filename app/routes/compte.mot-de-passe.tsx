import { zodResolver } from "@hookform/resolvers/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useForm } from "react-hook-form";
import { changePassword } from "~/auth/accounts.server";
import { requireCsrf } from "~/auth/csrf.server";
import { passwordChangeSchema, type PasswordChangeInput, PASSWORD_HINT } from "~/auth/schemas";
import { requireUser } from "~/auth/session.server";
import { rateLimitedInit, tooManyAttemptsMessage } from "~/auth/throttle.server";
import { CheckedForm, FormError } from "~/components/checked-form";
import { Field } from "~/components/field";
import { redirectWithFlash } from "~/lib/flash.server";
import { parseForm } from "~/lib/forms";
import { defineAction, defineLoader } from "~/lib/route.server";

export const meta: MetaFunction = () => [{ title: "Changer de mot de passe — NR Procure" }];

export const loader = defineLoader(async ({ request }: LoaderFunctionArgs) => {
  const user = await requireUser(request);
  return { email: user.email };
});

type ActionData = { fieldErrors: Record<string, string[]>; formError: string | null };

export const action = defineAction(async ({ request, context }: ActionFunctionArgs) => {
  const user = await requireUser(request);
  const formData = await request.formData();
  await requireCsrf(request, formData);
  const parsed = parseForm(passwordChangeSchema, formData);
  if (!parsed.ok) return data<ActionData>({ fieldErrors: parsed.fieldErrors, formError: null }, { status: 400 });
  const result = await changePassword({ user, request, currentPassword: parsed.data.currentPassword, newPassword: parsed.data.newPassword, clientAddress: context.clientAddress });
  if (!result.ok && result.reason === "rate-limited") return data<ActionData>({ fieldErrors: {}, formError: tooManyAttemptsMessage(result.retryAfterMs) }, rateLimitedInit(result.retryAfterMs));
  if (!result.ok) return data<ActionData>({ fieldErrors: result.fieldErrors, formError: null }, { status: 400 });
  const ended = result.revoked === 0 ? "" : ` ${result.revoked} autre${result.revoked > 1 ? "s" : ""} session${result.revoked > 1 ? "s" : ""} fermée${result.revoked > 1 ? "s" : ""}.`;
  return redirectWithFlash("/compte/sessions", { message: `Mot de passe modifié.${ended}` });
});

export default function ChangePassword() {
  const { email } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  const {
    register,
    handleSubmit,
    formState: { errors },
  } = useForm<PasswordChangeInput>({ resolver: zodResolver(passwordChangeSchema), mode: "onBlur" });
  const server = actionData?.fieldErrors ?? {};
  return (
    <section className="card" style={{ maxWidth: "34rem" }}>
      <p>
        <Link to="/compte/sessions">← Mes sessions</Link>
      </p>
      <h1>Changer de mot de passe</h1>
      <p className="muted">Les autres sessions de votre compte seront fermées ; celle-ci reste ouverte.</p>
      <FormError message={actionData?.formError} />
      <CheckedForm handleSubmit={handleSubmit}>
        <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
        <Field id="currentPassword" label="Mot de passe actuel" error={errors.currentPassword?.message ?? server.currentPassword}>
          <input id="currentPassword" type="password" autoComplete="current-password" {...register("currentPassword")} />
        </Field>
        <Field
          id="newPassword"
          label="Nouveau mot de passe"
          hint={PASSWORD_HINT}
          error={errors.newPassword?.message ?? server.newPassword}
        >
          <input id="newPassword" type="password" autoComplete="new-password" {...register("newPassword")} />
        </Field>
        <div className="actions">
          <button type="submit" className="button" disabled={busy}>
            Changer le mot de passe
          </button>
        </div>
      </CheckedForm>
    </section>
  );
}
