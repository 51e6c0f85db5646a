import { zodResolver } from "@hookform/resolvers/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useNavigation, useSearchParams } from "@remix-run/react";
import { useForm } from "react-hook-form";
import { signIn } from "~/auth/accounts.server";
import { requireCsrf } from "~/auth/csrf.server";
import { safeRedirect, signInSchema, type SignInInput } from "~/auth/schemas";
import { createSession, getCurrentUser, homeFor } from "~/auth/session.server";
import { rateLimitedInit, tooManyAttemptsMessage } from "~/auth/throttle.server";
import { CheckedForm, FormError } from "~/components/checked-form";
import { Field } from "~/components/field";
import { FlashMessage } from "~/components/flash";
import { parseForm } from "~/lib/forms";
import { defineAction, defineLoader } from "~/lib/route.server";

export const meta: MetaFunction = () => [{ title: "Connexion — NR Procure" }];

export const loader = defineLoader(async ({ request }: LoaderFunctionArgs) => {
  const user = await getCurrentUser(request);
  if (user) throw redirect(homeFor(user.role));
  return null;
});

export const action = defineAction(async ({ request, context }: ActionFunctionArgs) => {
  const formData = await request.formData();
  await requireCsrf(request, formData);
  const parsed = parseForm(signInSchema, formData);
  if (!parsed.ok) return data({ fieldErrors: parsed.fieldErrors, formError: null, values: parsed.values }, { status: 400 });
  const result = await signIn({ email: parsed.data.email, password: parsed.data.password, clientAddress: context.clientAddress });
  if (!result.ok) {
    const values = { email: parsed.data.email };
    if (result.reason === "rate-limited") return data({ fieldErrors: {}, formError: tooManyAttemptsMessage(result.retryAfterMs), values }, rateLimitedInit(result.retryAfterMs));
    return data({ fieldErrors: {}, formError: "Adresse e-mail ou mot de passe incorrect.", values }, { status: 401 });
  }
  const headers = await createSession({ userId: result.userId, membershipId: result.membershipId, request, clientAddress: context.clientAddress });
  return redirect(safeRedirect(parsed.data.redirectTo, homeFor(result.role)), { headers });
});

export default function SignIn() {
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const navigation = useNavigation();
  const {
    register,
    handleSubmit,
    formState: { errors },
  } = useForm<SignInInput>({
    resolver: zodResolver(signInSchema),
    defaultValues: { email: actionData?.values.email ?? "" },
  });
  const serverErrors: Record<string, string[] | undefined> = actionData?.fieldErrors ?? {};
  const busy = navigation.state !== "idle";

  return (
    <section className="card" style={{ maxWidth: "34rem" }}>
      <h1>Connexion</h1>
      <FlashMessage />
      <FormError message={actionData?.formError} />
      <CheckedForm handleSubmit={handleSubmit}>
        <input type="hidden" name="redirectTo" value={params.get("redirectTo") ?? ""} />
        <Field id="email" label="Adresse e-mail" error={errors.email?.message ?? serverErrors.email}>
          <input id="email" type="email" autoComplete="email" {...register("email")} aria-invalid={Boolean(errors.email)} />
        </Field>
        <Field id="password" label="Mot de passe" error={errors.password?.message ?? serverErrors.password}>
          <input id="password" type="password" autoComplete="current-password" {...register("password")} />
        </Field>
        <div className="actions">
          <button type="submit" className="button" disabled={busy}>
            {busy ? "Connexion…" : "Se connecter"}
          </button>
          <Link to="/mot-de-passe-oublie">Mot de passe oublié ?</Link>
          <Link to="/inscription">Créer un compte</Link>
        </div>
      </CheckedForm>
    </section>
  );
}
