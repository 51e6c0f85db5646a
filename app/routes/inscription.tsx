import { zodResolver } from "@hookform/resolvers/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useNavigation } from "@remix-run/react";
import { useForm } from "react-hook-form";
import { requestSignUp } from "~/auth/accounts.server";
import { requireCsrf } from "~/auth/csrf.server";
import { signUpSchema, type SignUpInput, PASSWORD_HINT } from "~/auth/schemas";
import { getCurrentUser, homeFor } from "~/auth/session.server";
import { rateLimitedInit, tooManyAttemptsMessage } from "~/auth/throttle.server";
import { CheckedForm, FormError } from "~/components/checked-form";
import { Field } from "~/components/field";
import { parseForm } from "~/lib/forms";
import { defineAction, defineLoader } from "~/lib/route.server";

export const meta: MetaFunction = () => [{ title: "Créer un compte — NR Procure" }];

export const loader = defineLoader(async ({ request }: LoaderFunctionArgs) => {
  const user = await getCurrentUser(request);
  if (user) throw redirect(homeFor(user.role));
  return null;
});

type SignUpActionData = { fieldErrors: Record<string, string[]>; values: Record<string, string>; formError: string | null; sentTo: string | null };

export const action = defineAction(async ({ request, context }: ActionFunctionArgs) => {
  const formData = await request.formData();
  await requireCsrf(request, formData);
  const parsed = parseForm(signUpSchema, formData);
  if (!parsed.ok) return data<SignUpActionData>({ fieldErrors: parsed.fieldErrors, values: parsed.values, formError: null, sentTo: null }, { status: 400 });
  const { password: _password, ...values } = parsed.data;
  const result = await requestSignUp({ input: parsed.data, clientAddress: context.clientAddress, request });
  if (!result.ok && result.reason === "rate-limited")
    return data<SignUpActionData>({ fieldErrors: {}, values, formError: tooManyAttemptsMessage(result.retryAfterMs), sentTo: null }, rateLimitedInit(result.retryAfterMs));
  if (!result.ok) return data<SignUpActionData>({ fieldErrors: result.fieldErrors, values, formError: null, sentTo: null }, { status: 400 });
  // The same answer whether or not the address already has an account (no enumeration).
  return data<SignUpActionData>({ fieldErrors: {}, values: {}, formError: null, sentTo: parsed.data.email });
});

export default function SignUp() {
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const values = actionData?.values ?? {};
  const {
    register,
    handleSubmit,
    formState: { errors },
  } = useForm<SignUpInput>({
    resolver: zodResolver(signUpSchema),
    mode: "onBlur",
    defaultValues: {
      name: values.name ?? "",
      email: values.email ?? "",
      organisationName: values.organisationName ?? "",
      organisationKind: values.organisationKind === "buyer" ? "buyer" : "supplier",
    },
  });
  const serverErrors: Record<string, string[] | undefined> = actionData?.fieldErrors ?? {};
  const err = (name: keyof SignUpInput) => errors[name]?.message ?? serverErrors[name];

  if (actionData?.sentTo) {
    return (
      <section className="card" style={{ maxWidth: "36rem" }}>
        <h1>Vérifiez votre messagerie</h1>
        <p className="alert alert--info" role="status">
          Un e-mail a été envoyé à <strong>{actionData.sentTo}</strong>. Ouvrez le lien qu'il contient pour activer votre compte
          (valable 24 heures).
        </p>
        <p className="muted">
          Rien reçu après quelques minutes ? Vérifiez les courriers indésirables et l'adresse saisie. Si cette adresse a déjà un
          compte, l'e-mail vous l'indique : <Link to="/connexion">connectez-vous</Link> ou utilisez{" "}
          <Link to="/mot-de-passe-oublie">« Mot de passe oublié ? »</Link>.
        </p>
      </section>
    );
  }

  return (
    <section className="card" style={{ maxWidth: "36rem" }}>
      <h1>Créer un compte</h1>
      <p className="muted">
        Le compte crée aussi votre organisation. Pour rejoindre une organisation déjà inscrite, utilisez le lien
        d'invitation reçu. Un e-mail de confirmation vous sera envoyé pour activer le compte.
      </p>
      <FormError message={actionData?.formError} />
      <CheckedForm handleSubmit={handleSubmit}>
        <Field id="name" label="Nom et prénom" error={err("name")}>
          <input id="name" autoComplete="name" {...register("name")} />
        </Field>
        <Field id="email" label="Adresse e-mail professionnelle" error={err("email")}>
          <input id="email" type="email" autoComplete="email" {...register("email")} />
        </Field>
        <Field id="password" label="Mot de passe" hint={PASSWORD_HINT} error={err("password")}>
          <input id="password" type="password" autoComplete="new-password" {...register("password")} />
        </Field>
        <Field id="organisationName" label="Nom de l'organisation" error={err("organisationName")}>
          <input id="organisationName" autoComplete="organization" {...register("organisationName")} />
        </Field>
        <fieldset>
          <legend>Vous êtes</legend>
          <label>
            <input type="radio" value="buyer" {...register("organisationKind")} style={{ width: "auto" }} /> un acheteur
            (organisation qui lance des consultations)
          </label>
          <br />
          <label>
            <input type="radio" value="supplier" {...register("organisationKind")} style={{ width: "auto" }} /> un
            fournisseur (organisation qui répond aux consultations)
          </label>
          {err("organisationKind") ? <p className="field__error">{String(err("organisationKind"))}</p> : null}
        </fieldset>
        <div className="actions">
          <button type="submit" className="button" disabled={navigation.state !== "idle"}>
            Créer le compte
          </button>
        </div>
      </CheckedForm>
    </section>
  );
}
