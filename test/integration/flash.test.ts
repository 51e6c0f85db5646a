import { beforeAll, describe, expect, it } from "vitest";
import { loader as rootLoader } from "~/root";
import { action as overviewAction } from "~/routes/acheteur.appels-d-offres.$id._index";
import { loader as clausesLoader } from "~/routes/acheteur_.appels-d-offres_.$id_.clauses";
import { seed, signedInClient } from "../support/client";
import { seededTenderIds } from "../support/tenders";

// Success messages after a redirect travel in a signed cookie read once (app/lib/flash.server.ts,
// decision 008), never in the URL.

type RootBody = { flash: { message: string; for?: string; path?: string } | null };

beforeAll(async () => {
  await seed();
});

describe("flash messages", () => {
  it("shows the message once on the page it was set for, then forgets it", async () => {
    const buyer = await signedInClient("acheteur@metropole.example");
    const id = (await seededTenderIds()).draft;
    const path = `/acheteur/appels-d-offres/${id}`;
    const saved = await buyer.post(overviewAction, path, { intent: "evaluators" }, { id: String(id) });
    expect(saved.status).toBe(302);
    expect(saved.location).toBe(path);
    expect(saved.headers.getSetCookie().some((c) => c.startsWith("__flash="))).toBe(true);

    const first = await buyer.get(rootLoader, path);
    expect((first.body as RootBody).flash).toMatchObject({ message: "Évaluateurs enregistrés : aucun évaluateur affecté.", path });
    const again = await buyer.get(rootLoader, path);
    expect((again.body as RootBody).flash).toBeNull();
  });

  it("does not take a message from the URL: ?message= shows nothing", async () => {
    const buyer = await signedInClient("acheteur@metropole.example");
    const id = (await seededTenderIds()).draft;
    const page = await buyer.get(clausesLoader, `/acheteur/appels-d-offres/${id}/clauses?message=Votre+compte+est+suspendu`, { id: String(id) });
    expect(page.status).toBe(200);
    expect(JSON.stringify(page.body)).not.toContain("suspendu");
    expect((await buyer.get(rootLoader, "/")).body).toMatchObject({ flash: null });
  });

  it("ignores a forged flash cookie", async () => {
    const buyer = await signedInClient("acheteur@metropole.example");
    const request = buyer.request("/");
    request.headers.set("Cookie", `${request.headers.get("Cookie")}; __flash=${encodeURIComponent(btoa(JSON.stringify({ message: "faux" })))}`);
    const out = await buyer.run(() => rootLoader({ request, params: {}, context: {} }));
    expect((out.body as RootBody).flash).toBeNull();
  });
});
