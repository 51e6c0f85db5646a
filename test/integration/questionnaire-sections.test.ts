import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { currentGuide } from "#questionnaires/guide";
import { answerLibrary, responseAnswers, responses, submissions } from "#db/schema";
import { db } from "~/lib/db.server";
import { loader as overviewLoader, action as overviewAction } from "~/routes/fournisseur.consultations.$tenderId._index";
import { loader as sectionLoader, action as sectionAction } from "~/routes/fournisseur.consultations.$tenderId.sections.$criterionId";
import { loader as reviewLoader, action as reviewAction } from "~/routes/fournisseur.consultations.$tenderId.verification";
import { loader as rootLoader } from "~/root";
import { seed, signedInClient, type TestClient } from "../support/client";
import { DEMO_SUPPLIER1_ORG, tenderForSupplier } from "../support/fixtures-tenders";

/**
 * The questionnaire in sections (issue 10 §5): one page per criterion, saves scoped to it,
 * previous / next / save and quit without JavaScript, the review page, submission through it.
 */
beforeAll(async () => {
  await seed();
  // Start from empty libraries: a new questionnaire opens blank (library reuse: responses-library.test.ts).
  await db().delete(answerLibrary);
});

const S1 = "fournisseur@numerique-durable.example";
const S2 = "fournisseur@infoservices.example";
const base = (id: number) => `/fournisseur/consultations/${id}`;

// Two questions of "gouvernance", one of "formation", one of "mesure": three sections.
const byCriterion = (c: string) => currentGuide.questions.filter((q) => q.criterion === c).map((q) => q.id);
const [G1, G2] = byCriterion("gouvernance") as [string, string];
const [F1] = byCriterion("formation") as [string];
const [M1] = byCriterion("mesure") as [string];
const ONLY = [G1, G2, F1, M1];

type Section = {
  version: number;
  section: { id: string; position: number; questions: { id: string }[] };
  sections: { id: string; total: number; complete: number }[];
  previous: { id: string } | null;
  next: { id: string } | null;
  answers: Record<string, { level: string | null; text: string }>;
  fingerprints: Record<string, string>;
};
type Review = {
  ready: boolean;
  version: number;
  complete: number;
  total: number;
  counts: { unanswered: number; incomplete: number; reused: number };
  problems: { id: string; items: { id: string; state: string; message: string }[] }[];
};

const getSection = (c: TestClient, tenderId: number, criterionId: string) =>
  c.get(sectionLoader, `${base(tenderId)}/sections/${criterionId}`, { tenderId: String(tenderId), criterionId });
const postSection = (c: TestClient, tenderId: number, criterionId: string, fields: Record<string, string>) =>
  c.post(sectionAction, `${base(tenderId)}/sections/${criterionId}`, fields, { tenderId: String(tenderId), criterionId });
const getReview = (c: TestClient, tenderId: number) => c.get(reviewLoader, `${base(tenderId)}/verification`, { tenderId: String(tenderId) });
const postReview = (c: TestClient, tenderId: number, fields: Record<string, string>) => c.post(reviewAction, `${base(tenderId)}/verification`, fields, { tenderId: String(tenderId) });

function answer(id: string, level: number | null, text = "") {
  return { [`answers.${id}.level`]: level === null ? "" : String(level), [`answers.${id}.text`]: text, [`answers.${id}.notApplicableReason`]: "", [`answers.${id}.reused`]: "false" };
}

async function section(c: TestClient, tenderId: number, criterionId: string): Promise<Section> {
  const out = await getSection(c, tenderId, criterionId);
  expect(out.status).toBe(200);
  return out.body as Section;
}

/** The flash message the next page (its root loader) shows. */
async function flashOf(c: TestClient, path: string): Promise<string | undefined> {
  const out = await c.get(rootLoader, path);
  return (out.body as { flash: { message: string } | null }).flash?.message;
}

describe("section pages", () => {
  it("sends one section's questions, answers and files, with its neighbours and every section's progress", async () => {
    const { tenderId } = await tenderForSupplier(db(), { supplierOrganisation: DEMO_SUPPLIER1_ORG, email: S1, title: "Sections — lecture", onlyQuestions: ONLY });
    const s1 = await signedInClient(S1);
    const overview = (await s1.get(overviewLoader, base(tenderId), { tenderId: String(tenderId) })).body as { sections: { id: string }[]; resumeAt: { id: string } };
    expect(overview.sections.map((s) => s.id)).toEqual(["gouvernance", "formation", "mesure"]);
    expect(overview.resumeAt.id).toBe("gouvernance");

    const g = await section(s1, tenderId, "gouvernance");
    expect(g.section.questions.map((q) => q.id)).toEqual([G1, G2]);
    expect(Object.keys(g.answers)).toEqual([G1, G2]);
    expect(Object.keys(g.fingerprints)).toEqual([G1, G2]);
    expect(g.previous).toBeNull();
    expect(g.next?.id).toBe("formation");
    expect(g.sections).toEqual([
      expect.objectContaining({ id: "gouvernance", total: 2, complete: 0 }),
      expect.objectContaining({ id: "formation", total: 1, complete: 0 }),
      expect.objectContaining({ id: "mesure", total: 1, complete: 0 }),
    ]);
    const m = await section(s1, tenderId, "mesure");
    expect(m.previous?.id).toBe("formation");
    expect(m.next).toBeNull();

    // A criterion the tender does not include, an unknown one, an impossible one: 404.
    for (const criterionId of ["fin-de-vie", "inconnu", "../x"]) expect((await getSection(s1, tenderId, criterionId)).status, criterionId).toBe(404);
  });

  it("without JavaScript: next, previous and save-and-quit save the section, then lead on with a message", async () => {
    const { tenderId } = await tenderForSupplier(db(), { supplierOrganisation: DEMO_SUPPLIER1_ORG, email: S1, title: "Sections — navigation", onlyQuestions: ONLY });
    const s1 = await signedInClient(S1);
    let g = await section(s1, tenderId, "gouvernance");

    const next = await postSection(s1, tenderId, "gouvernance", { version: String(g.version), ...answer(G1, 3, "Politique NR signée (2024)."), ...answer(G2, 1), go: "next" });
    expect(next.status).toBe(302);
    expect(next.location).toBe(`${base(tenderId)}/sections/formation`);
    expect(await flashOf(s1, `${base(tenderId)}/sections/formation`)).toBe("Section « Gouvernance et stratégie » enregistrée.");
    const f = await section(s1, tenderId, "formation");
    expect(f.sections.find((s) => s.id === "gouvernance")).toMatchObject({ complete: 2, total: 2 });

    const previous = await postSection(s1, tenderId, "formation", { version: String(f.version), ...answer(F1, 2, "Sensibilisation annuelle."), go: "previous" });
    expect(previous.location).toBe(`${base(tenderId)}/sections/gouvernance`);
    g = await section(s1, tenderId, "gouvernance");
    expect(g.answers[G1]).toMatchObject({ level: "3", text: "Politique NR signée (2024)." });

    // Save and quit: back to the supplier's home, the answers kept.
    const quit = await postSection(s1, tenderId, "gouvernance", { version: String(g.version), ...answer(G2, 2, "Feuille de route 2025."), go: "quit" });
    expect(quit.location).toBe("/fournisseur");
    expect(await flashOf(s1, "/fournisseur")).toContain("Vos réponses sont enregistrées");
    expect((await section(s1, tenderId, "gouvernance")).answers[G2]).toMatchObject({ level: "2", text: "Feuille de route 2025." });

    // The last section's « Suivant » leads to the review; a jump to another section from the navigation.
    const m = await section(s1, tenderId, "mesure");
    expect((await postSection(s1, tenderId, "mesure", { version: String(m.version), go: "next" })).location).toBe(`${base(tenderId)}/verification`);
    expect((await postSection(s1, tenderId, "mesure", { version: String(m.version), go: "section:gouvernance" })).location).toBe(`${base(tenderId)}/sections/gouvernance`);
    expect((await postSection(s1, tenderId, "mesure", { version: String(m.version), go: "ailleurs" })).status).toBe(400);

    // Without `go` (autosave, « Enregistrer »), the save answers with data, as the single page did.
    const autosave = await postSection(s1, tenderId, "mesure", { version: String(m.version), ...answer(M1, 1) });
    expect(autosave.status).toBe(200);
    expect(autosave.body).toMatchObject({ intent: "save", ok: true, saved: [M1] });
  });

  it("refuses answers to questions of another section", async () => {
    const { tenderId } = await tenderForSupplier(db(), { supplierOrganisation: DEMO_SUPPLIER1_ORG, email: S1, title: "Sections — portée", onlyQuestions: ONLY });
    const s1 = await signedInClient(S1);
    const g = await section(s1, tenderId, "gouvernance");
    const out = await postSection(s1, tenderId, "gouvernance", { version: String(g.version), ...answer(F1, 2, "Hors section") });
    expect(out.status).toBe(400);
    expect((out.body as { error: string }).error).toContain("n'appartient pas à cette section");
    expect((await db().select().from(responseAnswers).where(eq(responseAnswers.questionId, F1))).some((r) => r.text === "Hors section")).toBe(false);
  });

  it("keeps the optimistic version check inside a section (409 with both versions); a colleague's save elsewhere is no conflict", async () => {
    const { tenderId } = await tenderForSupplier(db(), { supplierOrganisation: DEMO_SUPPLIER1_ORG, email: S1, title: "Sections — conflits", onlyQuestions: ONLY });
    const me = await signedInClient(S1);
    const colleague = await signedInClient(S1);
    const mine = await section(me, tenderId, "gouvernance");
    const theirs = await section(colleague, tenderId, "formation");

    // The colleague saves another section: my stale version still saves mine, on top of theirs.
    expect((await postSection(colleague, tenderId, "formation", { version: String(theirs.version), ...answer(F1, 2, "Version de la collègue") })).status).toBe(200);
    const ok = await postSection(me, tenderId, "gouvernance", { version: String(mine.version), ...answer(G1, 1) });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ ok: true, saved: [G1], version: mine.version + 2 });
    expect(Object.keys((ok.body as { fingerprints: object }).fingerprints)).toEqual([G1, G2]);
    expect((await section(me, tenderId, "formation")).answers[F1]!.text).toBe("Version de la collègue");

    // Same section: 409, nothing overwritten, both versions returned.
    const g = await section(colleague, tenderId, "gouvernance");
    expect((await postSection(colleague, tenderId, "gouvernance", { version: String(g.version), ...answer(G2, 3, "Texte de la collègue") })).status).toBe(200);
    const stale = await postSection(me, tenderId, "gouvernance", { version: String(g.version), ...answer(G2, 4, "Mon texte"), go: "next" });
    expect(stale.status).toBe(409);
    const conflict = (stale.body as { conflict: { items: { questionId: string; theirs: { text: string }; mine: { text: string } }[] } }).conflict;
    expect(conflict.items).toEqual([expect.objectContaining({ questionId: G2, theirs: expect.objectContaining({ text: "Texte de la collègue" }), mine: expect.objectContaining({ text: "Mon texte" }) })]);
    expect((await section(me, tenderId, "gouvernance")).answers[G2]!.text).toBe("Texte de la collègue");
    // A version from the future is still refused.
    expect((await postSection(me, tenderId, "gouvernance", { version: String(g.version + 1000), ...answer(G2, 4, "Écrasement") })).status).toBe(409);
  });
});

describe("review and submission", () => {
  it("lists what is missing per section with what to do, and submission through it stays all-or-nothing", async () => {
    const { tenderId } = await tenderForSupplier(db(), { supplierOrganisation: DEMO_SUPPLIER1_ORG, email: S1, title: "Sections — vérification", onlyQuestions: ONLY });
    const s1 = await signedInClient(S1);
    const g = await section(s1, tenderId, "gouvernance");
    await postSection(s1, tenderId, "gouvernance", { version: String(g.version), ...answer(G1, 3, "Politique NR."), ...answer(G2, 3) });

    let review = (await getReview(s1, tenderId)).body as Review;
    expect(review.ready).toBe(false);
    expect(review.counts).toEqual({ unanswered: 2, incomplete: 1, reused: 0 });
    expect(review.problems.map((p) => [p.id, p.items.map((i) => [i.id, i.state])])).toEqual([
      ["gouvernance", [[G2, "incomplete"]]],
      ["formation", [[F1, "unanswered"]]],
      ["mesure", [[M1, "unanswered"]]],
    ]);
    expect(review.problems[0]!.items[0]!.message).toContain("obligatoire à partir du niveau 2");

    // Submitting anyway (a stale page, a crafted post): refused with the lists, nothing written.
    const refused = await postReview(s1, tenderId, { intent: "submit", version: String(review.version) });
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ intent: "submit", ok: false, unanswered: [F1, M1], incomplete: [G2], reused: [] });
    expect(await db().select().from(submissions).where(eq(submissions.tenderId, tenderId))).toHaveLength(0);
    const response = (await db().select().from(responses).where(eq(responses.tenderId, tenderId)).limit(1))[0]!;
    expect(response.status).toBe("in-progress");

    // Complete every section, then the review is clear and submission leads to the receipt.
    let v = (await section(s1, tenderId, "gouvernance")).version;
    await postSection(s1, tenderId, "gouvernance", { version: String(v), ...answer(G2, 3, "Feuille de route.") });
    v = (await section(s1, tenderId, "formation")).version;
    await postSection(s1, tenderId, "formation", { version: String(v), ...answer(F1, 1) });
    v = (await section(s1, tenderId, "mesure")).version;
    await postSection(s1, tenderId, "mesure", { version: String(v), ...answer(M1, 2, "Bilan carbone du SI.") });
    review = (await getReview(s1, tenderId)).body as Review;
    expect(review).toMatchObject({ ready: true, complete: 4, total: 4, problems: [] });
    // A stale review page (saved since) is refused as before.
    expect((await postReview(s1, tenderId, { intent: "submit", version: String(review.version - 1) })).status).toBe(409);
    const ok = await postReview(s1, tenderId, { intent: "submit", version: String(review.version) });
    expect(ok.status).toBe(302);
    expect(ok.location).toBe(`${base(tenderId)}/recepisse`);
    expect(await db().select().from(submissions).where(eq(submissions.tenderId, tenderId))).toHaveLength(1);
    // Submitted: section saves are refused (read-only), as on the single page.
    const after = await section(s1, tenderId, "mesure");
    expect((await postSection(s1, tenderId, "mesure", { version: String(after.version), ...answer(M1, 5, "modif") })).status).toBe(409);
  });
});

describe("tenancy (IDOR)", () => {
  it("gives another supplier a 404 on every section page, its posts and the review, and writes nothing", async () => {
    const { tenderId } = await tenderForSupplier(db(), { supplierOrganisation: DEMO_SUPPLIER1_ORG, email: S1, title: "Sections — confidentiel", onlyQuestions: ONLY });
    const s1 = await signedInClient(S1);
    const g = await section(s1, tenderId, "gouvernance");
    await postSection(s1, tenderId, "gouvernance", { version: String(g.version), ...answer(G1, 3, "Secret de Numérique Durable") });
    const before = (await db().select().from(responseAnswers)).length;

    const s2 = await signedInClient(S2);
    for (const criterionId of ["gouvernance", "formation", "mesure"]) {
      const page = await getSection(s2, tenderId, criterionId);
      expect(page.status).toBe(404);
      expect(JSON.stringify(page.body)).not.toContain("Secret");
      for (const fields of <Record<string, string>[]>[{ version: "1", ...answer(G1, 1, "Intrusion"), go: "next" }, { intent: "submit", version: "1" }, { intent: "withdraw" }]) {
        expect((await postSection(s2, tenderId, criterionId, fields)).status).toBe(404);
      }
    }
    expect((await getReview(s2, tenderId)).status).toBe(404);
    expect((await postReview(s2, tenderId, { intent: "submit", version: "1" })).status).toBe(404);
    expect((await s2.post(overviewAction, base(tenderId), { intent: "save", version: "1", ...answer(G1, 1, "Intrusion") }, { tenderId: String(tenderId) })).status).toBe(404);
    expect(await db().select().from(responseAnswers)).toHaveLength(before);
    expect((await db().select().from(responseAnswers)).some((r) => r.text === "Intrusion")).toBe(false);
    // Supplier 2 has no response row on that tender either.
    const own = await db().select().from(responses).where(eq(responses.tenderId, tenderId));
    expect(own.map((r) => r.supplierOrganisationId)).toHaveLength(1);
  });
});
