import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { requireCsrf } from "~/auth/csrf.server";
import { destroySession } from "~/auth/session.server";
import { defineAction, defineLoader } from "~/lib/route.server";

export const action = defineAction(async ({ request }: ActionFunctionArgs) => {
  const formData = await request.formData();
  await requireCsrf(request, formData);
  return redirect("/", { headers: await destroySession(request) });
});

export const loader = defineLoader(async () => {
  return redirect("/");
});
