import { useRouteLoaderData } from "@remix-run/react";

type RootData = { csrf: string };

/** Hidden CSRF field; every <Form method="post"> in the portal includes it. */
export function CsrfInput() {
  const data = useRouteLoaderData<RootData>("root");
  return <input type="hidden" name="csrf" value={data?.csrf ?? ""} />;
}
