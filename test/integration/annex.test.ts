import { eq } from "drizzle-orm";
import JSZip from "jszip";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/lib/db.server";
import { loader as annexDocx } from "~/routes/acheteur_.appels-d-offres_.$id_.annexe[.]docx";
import { loader as annexPage } from "~/routes/acheteur_.appels-d-offres_.$id_.annexe";
import type { TenderMethod } from "~/tenders/method";
import { currentGuide } from "#questionnaires/guide";
import { auditLog, organisations, tenders, users } from "#db/schema";
import { seed, signedInClient } from "../support/client";

let tenderId: number;

function methodWithClauses(clauses: TenderMethod["clauses"]): TenderMethod {
  return {
    guideVersion: currentGuide.version,
    shares: { price: 50, technical: 20, rse: 30 },
    priceMethod: "lowest-ratio",
    criteria: currentGuide.criteria.map((c) => ({ id: c.id, included: true, weight: 1 })),
    questions: currentGuide.questions.map((q) => ({ id: q.id, criterion: q.criterion, included: true, weight: 1, allowNotApplicable: q.allowNotApplicableByDefault })),
    clauses,
    offerCriteria: [],
  };
}

beforeAll(async () => {
  await seed();
  const buyer = (await db().select().from(users).where(eq(users.email, "acheteur@metropole.example")).limit(1))[0]!;
  const org = (await db().select().from(organisations).where(eq(organisations.name, "Métropole Exemple — Direction des achats")).limit(1))[0]!;
  const method = methodWithClauses([
    // Values typed by a buyer, including characters that must never become markup.
    { clauseId: "pdt-sel-chaine-approvisionnement", values: { periode_reference: "4" } },
    { clauseId: "pdt-spec-ecolabel", values: {} },
  ]);
  tenderId = (await db()
      .insert(tenders)
      .values({
        organisationId: org.id,
        createdBy: buyer.id,
        title: "Postes de travail <reconditionnés> & écrans",
        reference: "AO-2026-042",
        segment: "postes-de-travail",
        deadline: "2027-01-15T11:00:00.000Z",
        draftMethod: method,
      })
      .returning())[0]!.id;
});

/** The text of word/document.xml: runs joined, paragraphs on their own line, entities decoded. */
async function docxText(response: Response): Promise<{ xml: string; text: string }> {
  const zip = await JSZip.loadAsync(new Uint8Array(await response.arrayBuffer()));
  const xml = await zip.file("word/document.xml")!.async("string");
  const text = xml
    .replace(/<\/w:p>/g, "\n")
    .replace(/<[^>]+>/g, "")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");
  return { xml, text };
}

describe("NR annex export", () => {
  it("exports a DOCX whose document.xml holds the filled clauses, the questionnaire and the method", async () => {
    const buyer = await signedInClient("acheteur@metropole.example");
    let captured: Response | undefined;
    const out = await buyer.run(async () => {
      captured = (await annexDocx({ request: buyer.request(`/acheteur/appels-d-offres/${tenderId}/annexe.docx`), params: { id: String(tenderId) }, context: {} })) as Response;
      return captured.clone();
    });
    expect(out.status).toBe(200);
    expect(out.headers.get("Content-Type")).toBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    const { xml, text } = await docxText(captured!);
    // The title typed by the buyer is XML text, never markup.
    expect(xml).toContain("Postes de travail &lt;reconditionnés&gt; &amp; écrans");
    expect(xml).not.toContain("<reconditionnés>");
    expect(text).toContain("1.1 Gestion et traçabilité de la chaîne d'approvisionnement");
    expect(text).toMatch(/couvrent les 4\u00a0ans précédant la date limite/);
    expect(text).toContain("1.2 Écolabel ou certification environnementale des équipements");
    expect(text).toContain("GOUV-01");
    expect(text).toContain("Répartition de la note : prix 50 % · valeur technique 20 % · RSE 30 %");
    expect(text).toContain("3. Méthode de notation");
    expect(text).toContain("annee_reference");
    const exported = await db().select().from(auditLog).where(eq(auditLog.action, "tender.annex.export"));
    expect(exported.some((e) => e.targetId === String(tenderId))).toBe(true);
  });

  it("shows the printable annex to the buyer, and 404 to another organisation's users", async () => {
    const buyer = await signedInClient("acheteur@metropole.example");
    const page = await buyer.get(annexPage, `/acheteur/appels-d-offres/${tenderId}/annexe`, { id: String(tenderId) });
    expect(page.status).toBe(200);
    const model = page.body as { clauses: { text: string | null }[]; questionCount: number; shares: { rse: number } };
    expect(model.questionCount).toBe(47);
    expect(model.shares.rse).toBe(30);
    expect(model.clauses[0]?.text).toContain("4\u00a0ans");

    const supplier = await signedInClient("fournisseur@numerique-durable.example");
    expect((await supplier.get(annexPage, `/acheteur/appels-d-offres/${tenderId}/annexe`, { id: String(tenderId) })).status).toBe(403);
    const rse = await signedInClient("rse@metropole.example");
    expect((await rse.get(annexDocx, `/acheteur/appels-d-offres/${tenderId}/annexe.docx`, { id: String(tenderId) })).status).toBe(403);
  });

  it("lists missing placeholder values by name instead of exporting a clause with holes", async () => {
    const draft = (await db().select().from(tenders).where(eq(tenders.id, tenderId)).limit(1))[0]!;
    const method = draft.draftMethod as TenderMethod;
    await db()
            .update(tenders)
            .set({ draftMethod: { ...method, clauses: [...method.clauses, { clauseId: "pdt-sel-chaine-approvisionnement", values: { periode_reference: "quarante" } }] } })
            .where(eq(tenders.id, tenderId));
    const buyer = await signedInClient("acheteur@metropole.example");
    const page = await buyer.get(annexPage, `/acheteur/appels-d-offres/${tenderId}/annexe`, { id: String(tenderId) });
    const model = page.body as { clauseErrors: number; clauses: { text: string | null; errors: { message: string }[] }[] };
    expect(model.clauseErrors).toBe(1);
    expect(model.clauses[2]?.text).toBeNull();
    expect(model.clauses[2]?.errors[0]?.message).toMatch(/^Période couverte par les éléments demandés \(années\) : /);
  });

  it("shows the annex of a draft whose shares do not add up yet (a draft is read leniently)", async () => {
    const draft = (await db().select().from(tenders).where(eq(tenders.id, tenderId)).limit(1))[0]!;
    const method = draft.draftMethod as TenderMethod;
    await db()
            .update(tenders)
            .set({ draftMethod: { ...method, shares: { price: 50, technical: 20, rse: 20 } } })
            .where(eq(tenders.id, tenderId));
    const buyer = await signedInClient("acheteur@metropole.example");
    const page = await buyer.get(annexPage, `/acheteur/appels-d-offres/${tenderId}/annexe`, { id: String(tenderId) });
    expect(page.status).toBe(200);
    expect((page.body as { shares: { rse: number } }).shares.rse).toBe(20);
  });
});
