import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { currentGuide } from "#questionnaires/guide";
import { answerLibrary, auditLog, organisations, submissions, tenders } from "#db/schema";
import { db } from "~/lib/db.server";
import { action as qAction } from "~/routes/fournisseur.consultations.$tenderId._index";
import { loader as libraryLoader, action as libraryAction } from "~/routes/fournisseur.bibliotheque";
import { loader as jsonLoader } from "~/routes/fournisseur.bibliotheque[.]json";
import { loader as csvLoader } from "~/routes/fournisseur.bibliotheque[.]csv";
import { seed, signedInClient, type TestClient } from "../support/client";
import { loadQuestionnaire } from "../support/questionnaire";
import { DEMO_SUPPLIER1_ORG, DEMO_SUPPLIER2_ORG, tenderForSupplier } from "../support/fixtures-tenders";

beforeAll(async () => {
  await seed();
});

const S1 = "fournisseur@numerique-durable.example";
const S2 = "fournisseur@infoservices.example";
const [A, B, C] = [currentGuide.questions[0]!.id, currentGuide.questions[1]!.id, currentGuide.questions[2]!.id];
const FORMULA_TEXT = '=HYPERLINK("http://evil";"clic") ; avec point-virgule';

type Entry = { questionId: string; guideVersion: string; text: string; level: number | null; origin: { source: string; tenderId: number | null; tenderTitle: string | null }; originLabel: string };

const orgId = async (name: string) => (await db().select().from(organisations).where(eq(organisations.name, name)).limit(1))[0]!.id;
const libraryOf = async (org: string) => await db().select().from(answerLibrary).where(eq(answerLibrary.supplierOrganisationId, await orgId(org)));
const entriesOf = async (client: TestClient) => ((await client.get(libraryLoader, "/fournisseur/bibliotheque")).body as { entries: Entry[] }).entries;

function importFile(client: TestClient, content: string, name: string) {
  const fd = new FormData();
  fd.set("file", new Blob([content]), name);
  return client.post(libraryAction, "/fournisseur/bibliotheque", fd);
}

const qPath = (id: number) => `/fournisseur/consultations/${id}`;
async function saveAndSubmit(client: TestClient, tenderId: number, version: number, answers: Record<string, { level: number; text: string }>) {
  const fields: Record<string, string> = { intent: "save", version: String(version) };
  for (const [id, a] of Object.entries(answers)) {
    fields[`answers.${id}.level`] = String(a.level);
    fields[`answers.${id}.text`] = a.text;
  }
  const saved = await client.post(qAction, qPath(tenderId), fields, { tenderId: String(tenderId) });
  expect(saved.status).toBe(200);
  const next = (saved.body as { version: number }).version;
  const submitted = await client.post(qAction, qPath(tenderId), { intent: "submit", version: String(next) }, { tenderId: String(tenderId) });
  expect(submitted.status).toBe(302);
  return next;
}

describe("the answer library is filled at submission", () => {
  it("holds the demo suppliers' submitted answers (the demo seed submits as the portal does)", async () => {
    const demoTender = (await db().select().from(tenders).where(eq(tenders.reference, "AO-2026-014")).limit(1))[0];
    const s1 = await signedInClient(S1);
    const entries = await entriesOf(s1);
    const submitted = await db().select().from(submissions).where(eq(submissions.supplierOrganisationId, await orgId(DEMO_SUPPLIER1_ORG)));
    expect(submitted.length).toBeGreaterThan(0);
    const answered = (submitted[0]!.content as { answers: { level: number | null; notApplicable: boolean }[] }).answers.filter((a) => a.level !== null || a.notApplicable);
    expect(entries.length).toBe(answered.length);
    expect(entries.every((e) => e.origin.source === "submission")).toBe(true);
    expect(demoTender).toBeDefined();
    expect(entries.every((e) => e.origin.tenderId === demoTender!.id && e.originLabel.includes(demoTender!.title))).toBe(true);
  });

  it("a submission writes every answered question with its tender; a draft save does not; a second submission updates the entries", async () => {
    const { tenderId } = await tenderForSupplier(db(), { supplierOrganisation: DEMO_SUPPLIER1_ORG, email: S1, title: "Consultation bibliothèque", onlyQuestions: [A, B, C] });
    const s1 = await signedInClient(S1);
    const before = await libraryOf(DEMO_SUPPLIER1_ORG);

    // A draft save alone leaves the library as it was.
    const draft = await s1.post(qAction, qPath(tenderId), { intent: "save", version: "0", [`answers.${A}.level`]: "2", [`answers.${A}.text`]: "Brouillon non déposé" }, { tenderId: String(tenderId) });
    expect(draft.status).toBe(200);
    expect(await libraryOf(DEMO_SUPPLIER1_ORG)).toEqual(before);

    await saveAndSubmit(s1, tenderId, 1, { [A]: { level: 3, text: "Première version déposée" }, [B]: { level: 2, text: "Ligne 1\nLigne 2" }, [C]: { level: 3, text: FORMULA_TEXT } });
    const first = (await db().select().from(submissions).where(eq(submissions.tenderId, tenderId)).limit(1))[0]!;
    const after = await libraryOf(DEMO_SUPPLIER1_ORG);
    expect(after.length).toBe(before.length); // same questions, newer versions
    for (const id of [A, B, C]) {
      const e = after.find((x) => x.questionId === id && x.guideVersion === currentGuide.version)!;
      expect(e).toMatchObject({ source: "submission", sourceTenderId: tenderId, sourceSubmissionId: first.id, updatedAt: first.submittedAt });
    }
    expect(after.find((x) => x.questionId === A)!.text).toBe("Première version déposée");
    expect(after.find((x) => x.questionId === C)!.text).toBe(FORMULA_TEXT);
    // The questions this tender did not ask keep the version they had.
    const asked = new Set([A, B, C]);
    expect(after.filter((x) => !asked.has(x.questionId))).toEqual(before.filter((x) => !asked.has(x.questionId)));
    const page = await entriesOf(s1);
    expect(page.find((e) => e.questionId === A)!.originLabel).toContain("Consultation bibliothèque");

    // Withdraw, change one answer, submit again: both entries now point at the second submission.
    expect((await s1.post(qAction, qPath(tenderId), { intent: "withdraw" }, { tenderId: String(tenderId) })).status).toBe(302);
    const version = ((await loadQuestionnaire(s1, tenderId)).body as { version: number }).version;
    await saveAndSubmit(s1, tenderId, version, { [A]: { level: 4, text: "Version corrigée après retrait" } });
    const second = (await db().select().from(submissions).where(eq(submissions.tenderId, tenderId))).at(-1)!;
    expect(second.id).not.toBe(first.id);
    const latest = await libraryOf(DEMO_SUPPLIER1_ORG);
    expect(latest.find((x) => x.questionId === A)).toMatchObject({ text: "Version corrigée après retrait", level: 4, sourceSubmissionId: second.id });
    expect(latest.find((x) => x.questionId === B)).toMatchObject({ text: "Ligne 1\nLigne 2", sourceSubmissionId: second.id });
  });

  it("never shows a supplier another organisation's entries (page, JSON, CSV)", async () => {
    const s2 = await signedInClient(S2);
    const mine = await libraryOf(DEMO_SUPPLIER2_ORG);
    const page = await entriesOf(s2);
    expect(page).toHaveLength(mine.length);
    const json = (await s2.get(jsonLoader, "/fournisseur/bibliotheque.json")).body as { answers: { text: string }[] };
    const csv = String((await s2.get(csvLoader, "/fournisseur/bibliotheque.csv")).body);
    for (const text of [JSON.stringify(page), JSON.stringify(json), csv]) {
      expect(text).not.toContain("HYPERLINK");
      expect(text).not.toContain("Version corrigée après retrait");
      expect(text).not.toContain("Consultation bibliothèque");
    }
    expect(json.answers).toHaveLength(mine.length);
  });
});

describe("answer library export and import", () => {
  it("exports JSON and formula-safe CSV of the organisation's answers, with their origin", async () => {
    const s1 = await signedInClient(S1);
    const json = await s1.get(jsonLoader, "/fournisseur/bibliotheque.json");
    expect(json.headers.get("Content-Disposition")).toContain("attachment");
    const body = json.body as { format: string; answers: { questionId: string; text: string; origin: string }[] };
    expect(body.format).toBe("nr-procure/bibliotheque-reponses");
    expect(body.answers.length).toBe((await libraryOf(DEMO_SUPPLIER1_ORG)).length);
    expect(body.answers.find((a) => a.questionId === A)?.origin).toContain("Consultation bibliothèque");
    const csv = await s1.get(csvLoader, "/fournisseur/bibliotheque.csv");
    const text = String(csv.body);
    expect(text.split("\r\n")[0]).toContain(";origine");
    expect(text).toContain(`"'=HYPERLINK(""http://evil"";""clic"") ; avec point-virgule"`);
    expect((await db().select().from(auditLog).where(eq(auditLog.action, "library.export"))).length).toBeGreaterThanOrEqual(2);
  });

  it("imports its own export back (JSON and CSV round trip), marked as imported", async () => {
    const s1 = await signedInClient(S1);
    const json = JSON.stringify((await s1.get(jsonLoader, "/fournisseur/bibliotheque.json")).body);
    const csv = String((await s1.get(csvLoader, "/fournisseur/bibliotheque.csv")).body);
    const count = (await libraryOf(DEMO_SUPPLIER1_ORG)).length;
    const s2 = await signedInClient(S2);
    const fromJson = await importFile(s2, json, "bibliotheque.json");
    expect(fromJson.body).toEqual({ ok: true, count });
    const fromCsv = await importFile(s2, csv, "bibliotheque.csv");
    expect(fromCsv.body).toEqual({ ok: true, count });
    const list = await entriesOf(s2);
    expect(list.find((e) => e.questionId === A)?.text).toBe("Version corrigée après retrait");
    expect(list.find((e) => e.questionId === B)?.text).toBe("Ligne 1\nLigne 2");
    expect(list.find((e) => e.questionId === A)?.origin.source).toBe("import");
    expect(list.find((e) => e.questionId === A)?.originLabel).toBe("Importée d'un fichier");
  });

  it("refuses a file with one wrong line and writes nothing, with French per-line errors", async () => {
    const s2 = await signedInClient(S2);
    const before = (await db().select().from(answerLibrary)).length;
    const csv = [
      "version du guide;question;niveau;non applicable;justification non applicable;réponse;mise à jour",
      `${currentGuide.version};${A};4;non;;Bonne réponse;`,
      `${currentGuide.version};ZZZ-99;4;non;;Question inconnue;`,
      `${currentGuide.version};${B};7;peut-être;;Niveau faux;`,
      `1999.1-ancien;${B};2;non;;Version inconnue;`,
      `${currentGuide.version};${A};2;non;;Doublon;`,
    ].join("\n");
    const out = await importFile(s2, csv, "import.csv");
    expect(out.status).toBe(400);
    const errors = (out.body as { errors: string[] }).errors;
    expect(errors).toEqual([
      expect.stringMatching(/^Ligne 3 : question inconnue/),
      expect.stringMatching(/^Ligne 4 : .*niveau invalide.*oui ou non/),
      expect.stringMatching(/^Ligne 5 : version du guide inconnue/),
      expect.stringMatching(/^Ligne 6 : la question .* figure déjà \(ligne 2\)/),
    ]);
    expect((await db().select().from(answerLibrary)).length).toBe(before);
    const badJson = await importFile(s2, JSON.stringify({ format: "autre", answers: [] }), "x.json");
    expect((badJson.body as { errors: string[] }).errors[0]).toContain("format inattendu");
    const notJson = await importFile(s2, "{", "x.json");
    expect((notJson.body as { errors: string[] }).errors[0]).toContain("JSON valide");
    const wrongExt = await importFile(s2, "x", "x.txt");
    expect(wrongExt.status).toBe(400);
  });
});
