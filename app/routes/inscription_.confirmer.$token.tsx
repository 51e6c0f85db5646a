import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useLoaderData, useNavigation } from "@remix-run/react";
import { clientOf, confirmSignUp, openSignUpRequest } from "~/auth/accounts.server";
import { requireCsrf } from "~/auth/csrf.server";
import { createSession, homeFor } from "~/auth/session.server";
import { policies, requireAttempt } from "~/auth/throttle.server";
import { CsrfInput } from "~/components/csrf";
import { defineAction, defineLoader } from "~/lib/route.server";

export const meta: MetaFunction = () => [{ title: "Activer votre compte — NR Procure" }, { name: "robots", content: "noindex" }, { name: "referrer", content: "no-referrer" }];

/** Opening the link only shows what will be created: e-mail scanners that open links change nothing. */
export const loader = defineLoader(async ({ params }: LoaderFunctionArgs) => {
  return await openSignUpRequest({ token: params.token ?? "" });
});

export const action = defineAction(async ({ request, params, context }: ActionFunctionArgs) => {
  const formData = await request.formData();
  await requireCsrf(request, formData);
  await requireAttempt([{ policy: policies().linkClient, subject: clientOf(context.clientAddress) }]);
  const account = await confirmSignUp({ token: params.token ?? "" });
  const headers = await createSession({ userId: account.userId, membershipId: account.membershipId, request, clientAddress: context.clientAddress });
  return redirect(homeFor(account.role), { headers });
});

export default function ConfirmSignUp() {
  const request = useLoaderData<typeof loader>();
  const busy = useNavigation().state !== "idle";
  return (
    <section className="card" style={{ maxWidth: "36rem" }}>
      <h1>Activer votre compte</h1>
      <p>
        Compte de <strong>{request.name}</strong> ({request.email}) pour l'organisation{" "}
        <strong>{request.organisationName}</strong> ({request.organisationKind === "buyer" ? "acheteur" : "fournisseur"}).
      </p>
      <Form method="post" className="actions">
        <CsrfInput />
        <button type="submit" className="button" disabled={busy}>
          Activer mon compte
        </button>
      </Form>
    </section>
  );
}
