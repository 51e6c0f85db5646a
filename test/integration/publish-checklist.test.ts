import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { clauses, defaultValues, fillClause } from "#questionnaires/clauses";
import { currentGuide } from "#questionnaires/guide";
import { auditLog, tenders, users } from "#db/schema";
import { db } from "~/lib/db.server";
import { readFlash } from "~/lib/flash.server";
import { action as newAction } from "~/routes/acheteur.appels-d-offres.nouveau";
import { action as overviewAction, loader as overviewLoader } from "~/routes/acheteur.appels-d-offres.$id._index";
import { action as publishAction, loader as publishLoader } from "~/routes/acheteur.appels-d-offres.$id.publier";
import { loader as evaluationLoader } from "~/routes/acheteur.appels-d-offres.$id.evaluation._index";
import { seed, signedInClient, type TestClient } from "../support/client";
import { builderFields, otherBuyer, tenderRow } from "../support/tenders";

beforeAll(async () => {
  await seed();
});

const BUYER = "acheteur@metropole.example";
const EVALUATOR = "evaluateur@metropole.example";
const path = (id: number, rest = "") => `/acheteur/appels-d-offres/${id}${rest}`;
const params = (id: number) => ({ id: String(id) });

async function draftTender(buyer: TestClient, title: string) {
  const out = await buyer.post(newAction, "/acheteur/appels-d-offres/nouveau", builderFields(currentGuide, { title, reference: `AO-${title.length}` }));
  expect(out.status, JSON.stringify(out.body)).toBe(302);
  return Number(/appels-d-offres\/(\d+)\//.exec(out.location ?? "")?.[1]);
}

type Item = { id: string; status: string; detail: string; action?: { href: string } };
async function checklist(buyer: TestClient, id: number) {
  const out = await buyer.get(publishLoader, path(id, "/publier"), params(id));
  expect(out.status).toBe(200);
  const body = out.body as { checklist: { items: Item[]; allowEarlyEvaluation: boolean }; issues: string[] };
  return { ...body.checklist, issues: body.issues, item: (name: string) => body.checklist.items.find((i) => i.id === name)! };
}

type Evaluators = { evaluators: { id: number; name: string; assigned: boolean }[] };
async function flashAfter(client: TestClient, outcome: { headers: Headers }) {
  const cookie = outcome.headers.getSetCookie().find((c) => c.startsWith("__flash="))!.split(";")[0]!;
  return (await readFlash(new Request("http://localhost/", { headers: { Cookie: cookie } }))).flash?.message;
}

describe("evaluator assignment (regression: listed as assigned while unticked, then a 404)", () => {
  it("shows exactly who is assigned, and the evaluator sees the tender if and only if assigned", async () => {
    const buyer = await signedInClient(BUYER);
    const evaluator = await signedInClient(EVALUATOR);
    const karim = (await db().select().from(users).where(eq(users.email, EVALUATOR)).limit(1))[0]!;
    const id = await draftTender(buyer, "Affectation des évaluateurs");
    expect((await buyer.post(publishAction, path(id, "/publier"), { confirm: "yes", evaluationOpens: "on-submission" }, params(id))).status).toBe(302);

    const assigned = async () => ((await buyer.get(overviewLoader, path(id), params(id))).body as Evaluators).evaluators.find((e) => e.id === karim.id)!.assigned;
    // Not ticked, not saved: not assigned, and the evaluator cannot open the tender nor its evaluation.
    expect(await assigned()).toBe(false);
    expect((await evaluator.get(overviewLoader, path(id), params(id))).status).toBe(404);
    expect((await evaluator.get(evaluationLoader, path(id, "/evaluation"), params(id))).status).toBe(404);

    // Ticked and saved: the confirmation names him, the page says assigned, the evaluation page opens.
    const saved = await buyer.post(overviewAction, path(id), { intent: "evaluators", evaluators: String(karim.id) }, params(id));
    expect(saved.status).toBe(302);
    expect(await flashAfter(buyer, saved)).toBe("Évaluateurs enregistrés : Karim Benali.");
    expect(await assigned()).toBe(true);
    expect((await evaluator.get(evaluationLoader, path(id, "/evaluation"), params(id))).status).toBe(200);

    // Unticked and saved: the page says so, and the evaluator is out again.
    const cleared = await buyer.post(overviewAction, path(id), { intent: "evaluators" }, params(id));
    expect(await flashAfter(buyer, cleared)).toBe("Évaluateurs enregistrés : aucun évaluateur affecté.");
    expect(await assigned()).toBe(false);
    expect((await evaluator.get(evaluationLoader, path(id, "/evaluation"), params(id))).status).toBe(404);
  });
});

describe("publish checklist", () => {
  it("says who evaluates, when evaluation opens, what remains about invitations and clauses", async () => {
    const buyer = await signedInClient(BUYER);
    const id = await draftTender(buyer, "Liste de contrôle");
    let c = await checklist(buyer, id);
    expect(c.items.map((i) => i.id)).toEqual(["evaluators", "evaluation-opens", "invitations", "clauses"]);
    expect(c.item("evaluators")).toMatchObject({ status: "todo", action: { href: `${path(id)}#evaluateurs` } });
    expect(c.item("evaluators").detail).toBe("Aucun évaluateur affecté : Karim Benali ne verra pas cet appel d'offres ; seuls les acheteurs pourront évaluer.");
    expect(c.item("evaluation-opens").detail).toMatch(/^À la date limite, le 30\/06\/2099 à 12:00 \(heure de Paris\) :/);
    expect(c.allowEarlyEvaluation).toBe(false);
    expect(c.item("invitations").detail).toContain("après la publication");
    expect(c.item("clauses")).toMatchObject({ status: "info" });

    const karim = (await db().select().from(users).where(eq(users.email, EVALUATOR)).limit(1))[0]!;
    await buyer.post(overviewAction, path(id), { intent: "evaluators", evaluators: String(karim.id) }, params(id));
    // A clause with a field out of its bounds: the checklist and the publication rules both say so.
    const clause = clauses.find((k) => k.placeholders.some((p) => p.max !== undefined) && fillClause(k, defaultValues(k)).ok)!;
    const bounded = clause.placeholders.find((p) => p.max !== undefined)!;
    const wrong = { [bounded.name]: String(bounded.max! + 100) };
    expect(fillClause(clause, wrong).ok).toBe(false);
    const method = (await tenderRow(id))!.draftMethod as Record<string, unknown>;
    await db()
            .update(tenders)
            .set({ draftMethod: { ...method, clauses: [{ clauseId: clause.id, values: wrong }] } })
            .where(eq(tenders.id, id));
    c = await checklist(buyer, id);
    expect(c.item("evaluators")).toMatchObject({ status: "ok" });
    expect(c.item("evaluators").detail).toBe("1 évaluateur affecté : Karim Benali. Il verra cet appel d'offres dans son espace.");
    expect(c.item("clauses")).toMatchObject({ status: "todo", action: { href: path(id, "/clauses") } });
    expect(c.item("clauses").detail).toBe("1 clause incomplète sur 1 : complétez les champs à renseigner avant de publier.");
    expect(c.issues.some((i) => i.includes(clause.title))).toBe(true);

    // Filled with its default values: complete.
    await db()
            .update(tenders)
            .set({ draftMethod: { ...method, clauses: [{ clauseId: clause.id, values: defaultValues(clause) }] } })
            .where(eq(tenders.id, id));
    c = await checklist(buyer, id);
    expect(c.item("clauses")).toMatchObject({ status: "ok", detail: "1 clause retenue, complète." });
  });

  it("publishes with the buyer's explicit choice of when evaluation opens, recorded in the audit log", async () => {
    const buyer = await signedInClient(BUYER);
    const early = await draftTender(buyer, "Évaluation anticipée choisie");
    const unconfirmed = await buyer.post(publishAction, path(early, "/publier"), { evaluationOpens: "on-submission" }, params(early));
    expect(unconfirmed.status).toBe(400);
    expect((unconfirmed.body as { issues: string[] }).issues).toEqual(["Confirmez la publication."]);
    const bad = await buyer.post(publishAction, path(early, "/publier"), { confirm: "yes", evaluationOpens: "jamais" }, params(early));
    expect(bad.status).toBe(400);
    expect((await tenderRow(early))!.status).toBe("draft");

    expect((await buyer.post(publishAction, path(early, "/publier"), { confirm: "yes", evaluationOpens: "on-submission" }, params(early))).status).toBe(302);
    expect(await tenderRow(early)).toMatchObject({ status: "published", allowEarlyEvaluation: true });
    const entry = (await db().select().from(auditLog).where(and(eq(auditLog.action, "tender.publish"), eq(auditLog.targetId, String(early)))).limit(1))[0]!;
    expect(entry.details).toMatchObject({ allowEarlyEvaluation: true });

    const atDeadline = await draftTender(buyer, "Évaluation à la date limite");
    await db().update(tenders).set({ allowEarlyEvaluation: true }).where(eq(tenders.id, atDeadline));
    expect((await checklist(buyer, atDeadline)).item("evaluation-opens").detail).toMatch(/^Dès qu'un fournisseur dépose/);
    expect((await buyer.post(publishAction, path(atDeadline, "/publier"), { confirm: "yes", evaluationOpens: "deadline" }, params(atDeadline))).status).toBe(302);
    expect(await tenderRow(atDeadline)).toMatchObject({ status: "published", allowEarlyEvaluation: false });
  });

  it("is not shown to another organisation (404), nor its tender's evaluators", async () => {
    const buyer = await signedInClient(BUYER);
    const id = await draftTender(buyer, "Hors de portée");
    const other = await otherBuyer("acheteur3@autre-collectivite.example");
    const out = await other.get(publishLoader, path(id, "/publier"), params(id));
    expect(out.status).toBe(404);
    expect(JSON.stringify(out.body)).not.toContain("Karim");
    expect((await other.post(publishAction, path(id, "/publier"), { confirm: "yes", evaluationOpens: "on-submission" }, params(id))).status).toBe(404);
    expect((await tenderRow(id))!.status).toBe("draft");
  });
});
