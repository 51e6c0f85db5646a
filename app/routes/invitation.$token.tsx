import { zodResolver } from "@hookform/resolvers/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useParams } from "@remix-run/react";
import { useForm } from "react-hook-form";
import { requireCsrf } from "~/auth/csrf.server";
import { isSupplier } from "~/auth/permissions.server";
import { createSession, getCurrentUser } from "~/auth/session.server";
import { PASSWORD_HINT } from "~/auth/schemas";
import { CheckedForm, FormError } from "~/components/checked-form";
import { CsrfInput } from "~/components/csrf";
import { Field } from "~/components/field";
import { parseForm } from "~/lib/forms";
import { formatParis } from "~/lib/dates";
import { acceptInvitation, joinWithNewAccount, openInvitation } from "~/responses/invitations.server";
import { joinSignUpSchema, type JoinSignUpInput } from "~/responses/join-schema";
import { defineAction, defineLoader } from "~/lib/route.server";

export const meta: MetaFunction = () => [{ title: "Invitation à répondre — NR Procure" }, { name: "robots", content: "noindex" }, { name: "referrer", content: "no-referrer" }];

const questionnairePath = (tenderId: number) => `/fournisseur/consultations/${tenderId}`;

export const loader = defineLoader(async ({ request, params }: LoaderFunctionArgs) => {
  const user = await getCurrentUser(request);
  const state = await openInvitation({ token: params.token ?? "", user });
  if (state.state === "mine") throw redirect(questionnairePath(state.tenderId));
  return {
    state: state.state,
    view: { ...state.view, deadlineLabel: formatParis(state.view.tender.deadline, "full") },
    user: user ? { name: user.name, role: user.role, organisationName: user.organisationName, isSupplier: isSupplier(user) } : null,
  };
});

export const action = defineAction(async ({ request, params, context }: ActionFunctionArgs) => {
  const formData = await request.formData();
  await requireCsrf(request, formData);
  const token = params.token ?? "";
  const user = await getCurrentUser(request);
  const intent = formData.get("intent");
  if (intent === "accept") {
    if (!user) throw redirect(`/connexion?redirectTo=${encodeURIComponent(`/invitation/${token}`)}`);
    const { tenderId } = await acceptInvitation({ token, user, clientAddress: context.clientAddress });
    return redirect(questionnairePath(tenderId));
  }
  if (user) return data({ fieldErrors: {}, values: {}, pending: null, formError: "Vous êtes déjà connecté : acceptez l'invitation pour votre organisation ou déconnectez-vous." }, { status: 400 });
  const parsed = parseForm(joinSignUpSchema, formData);
  if (!parsed.ok) return data({ fieldErrors: parsed.fieldErrors, values: parsed.values, pending: null, formError: null }, { status: 400 });
  const result = await joinWithNewAccount({ token, input: parsed.data, clientAddress: context.clientAddress });
  if (result.kind === "error") {
    return data({ fieldErrors: result.fieldErrors, values: { name: parsed.data.name, email: parsed.data.email }, pending: null, formError: null }, { status: 400 });
  }
  if (result.kind === "pending") return data({ fieldErrors: {}, values: {}, pending: result.organisationName, formError: null }, { status: 202 });
  const headers = await createSession({ userId: result.userId, membershipId: result.membershipId, request, clientAddress: context.clientAddress });
  return redirect(questionnairePath(result.tenderId), { headers });
});

export default function Invitation() {
  const { state, view, user } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const values: Record<string, string> = actionData?.values ?? {};
  const {
    register,
    handleSubmit,
    formState: { errors },
  } = useForm<JoinSignUpInput>({
    resolver: zodResolver(joinSignUpSchema),
    mode: "onBlur",
    defaultValues: { name: values.name ?? "", email: view.invitedEmail },
  });
  const serverErrors: Record<string, string[] | undefined> = actionData?.fieldErrors ?? {};
  const busy = navigation.state !== "idle";
  const token = useParams().token ?? "";

  if (actionData?.pending || state === "pending") {
    return (
      <section className="card" style={{ maxWidth: "40rem" }}>
        <h1>Demande transmise</h1>
        <p className="alert alert--info" role="status">
          {actionData?.pending
            ? `Votre compte est créé. L'organisation « ${actionData.pending} » existe déjà sur NR Procure : un de ses membres doit confirmer votre adhésion. Vous pourrez ensuite vous connecter et répondre à la consultation « ${view.tender.title} ».`
            : `Une demande d'adhésion à « ${view.supplierName} » liée à cette invitation attend la confirmation d'un membre de l'organisation.`}
        </p>
      </section>
    );
  }

  return (
    <section className="card" style={{ maxWidth: "44rem" }}>
      <h1>Invitation à répondre</h1>
      <p className="lead">
        {view.tender.buyerName} invite <strong>{view.supplierName}</strong> à répondre à la consultation « {view.tender.title} » ({view.tender.reference}).
      </p>
      <p>
        Date limite de remise : <strong>{view.deadlineLabel}</strong> (heure de Paris).
      </p>
      <FormError message={actionData?.formError} />

      {user ? (
        user.isSupplier && view.acceptableByUser === false ? (
          <p className="alert alert--warn" role="alert">
            Vous êtes connecté en tant que {user.name} ({user.organisationName}). Cette invitation est adressée à {view.invitedEmail} : elle ne
            peut être acceptée qu'avec le compte de cette adresse, ou par un membre de son organisation. Déconnectez-vous et connectez-vous avec
            ce compte, ou demandez à l'acheteur une invitation à votre adresse.
          </p>
        ) : user.isSupplier ? (
          <Form method="post" className="stack">
            <CsrfInput />
            <p>
              Vous êtes connecté en tant que {user.name} ({user.organisationName}). La réponse sera préparée au nom de <strong>{user.organisationName}</strong>.
              {user.organisationName !== view.supplierName ? (
                <span className="muted"> L'invitation était adressée à « {view.supplierName} ».</span>
              ) : null}
            </p>
            <div className="actions">
              <button type="submit" name="intent" value="accept" className="button" disabled={busy}>
                Accepter l'invitation
              </button>
            </div>
          </Form>
        ) : (
          <p className="alert alert--warn">
            Vous êtes connecté avec un compte {user.role === "admin" ? "d'administration" : "acheteur"} ({user.organisationName}). Déconnectez-vous pour accepter cette
            invitation avec un compte fournisseur.
          </p>
        )
      ) : (
        <>
          <h2>Vous avez déjà un compte ?</h2>
          <p>
            <Link className="button button--secondary" to={`/connexion?redirectTo=${encodeURIComponent(`/invitation/${encodeURIComponent(token)}`)}`}>
              Se connecter pour accepter
            </Link>
          </p>
          <h2>Créer votre compte</h2>
          {view.organisationExists ? (
            <p className="alert alert--info">
              L'organisation « {view.supplierName} » existe déjà sur NR Procure : après création de votre compte, un de ses membres devra confirmer votre adhésion.
            </p>
          ) : (
            <p className="muted">Le compte crée aussi l'organisation « {view.supplierName} » sur NR Procure.</p>
          )}
          <CheckedForm handleSubmit={handleSubmit}>
            <input type="hidden" name="intent" value="join" />
            <Field id="name" label="Nom et prénom" error={errors.name?.message ?? serverErrors.name}>
              <input id="name" autoComplete="name" {...register("name")} />
            </Field>
            <Field
              id="email"
              label="Adresse e-mail professionnelle"
              hint="L'invitation est liée à cette adresse : le compte est créé avec elle."
              error={errors.email?.message ?? serverErrors.email}
            >
              <input id="email" type="email" autoComplete="email" readOnly aria-describedby="email-hint" {...register("email")} />
            </Field>
            <Field
              id="password"
              label="Mot de passe"
              hint={PASSWORD_HINT}
              error={errors.password?.message ?? serverErrors.password}
            >
              <input id="password" type="password" autoComplete="new-password" {...register("password")} />
            </Field>
            <div className="actions">
              <button type="submit" className="button" disabled={busy}>
                Créer mon compte et accepter
              </button>
            </div>
          </CheckedForm>
        </>
      )}
    </section>
  );
}
