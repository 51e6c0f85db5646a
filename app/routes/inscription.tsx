import { zodResolver } from "@hookform/resolvers/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useNavigation, useSubmit } from "@remix-run/react";
import { useForm } from "react-hook-form";
import { signUp } from "~/auth/accounts.server";
import { requireCsrf } from "~/auth/csrf.server";
import { signUpSchema, type SignUpInput } from "~/auth/schemas";
import { createSession, getCurrentUser, homeFor } from "~/auth/session.server";
import { CsrfInput } from "~/components/csrf";
import { Field } from "~/components/field";
import { parseForm } from "~/lib/forms";
import { defineAction, defineLoader } from "~/lib/route.server";

export const meta: MetaFunction = () => [{ title: "Créer un compte — NR Procure" }];

export const loader = defineLoader(async ({ request }: LoaderFunctionArgs) => {
  const user = await getCurrentUser(request);
  if (user) throw redirect(homeFor(user.role));
  return null;
});

export const action = defineAction(async ({ request }: ActionFunctionArgs) => {
  const formData = await request.formData();
  await requireCsrf(request, formData);
  const parsed = parseForm(signUpSchema, formData);
  if (!parsed.ok) return data({ fieldErrors: parsed.fieldErrors, values: parsed.values }, { status: 400 });
  const result = await signUp(parsed.data);
  if (!result.ok) {
    const { password: _password, ...values } = parsed.data;
    return data({ fieldErrors: result.fieldErrors, values: values as Record<string, string> }, { status: 400 });
  }
  const cookie = await createSession(result.userId, result.membershipId);
  return redirect(homeFor(result.role), { headers: { "Set-Cookie": cookie } });
});

export default function SignUp() {
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const submit = useSubmit();
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

  return (
    <section className="card" style={{ maxWidth: "36rem" }}>
      <h1>Créer un compte</h1>
      <p className="muted">
        Le compte crée aussi votre organisation. Pour rejoindre une organisation déjà inscrite, utilisez le lien
        d'invitation reçu.
      </p>
      <Form
        method="post"
        className="stack"
        noValidate
        onSubmit={(event) => {
          const form = event.currentTarget;
          void handleSubmit(() => submit(form))(event);
        }}
      >
        <CsrfInput />
        <Field id="name" label="Nom et prénom" error={err("name")}>
          <input id="name" autoComplete="name" {...register("name")} />
        </Field>
        <Field id="email" label="Adresse e-mail professionnelle" error={err("email")}>
          <input id="email" type="email" autoComplete="email" {...register("email")} />
        </Field>
        <Field id="password" label="Mot de passe" hint="12 caractères au moins." error={err("password")}>
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
      </Form>
    </section>
  );
}
