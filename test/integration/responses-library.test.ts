import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { currentGuide } from "#questionnaires/guide";
import { answerLibrary, auditLog } from "#db/schema";
import { db } from "~/lib/db.server";
import { action as qAction } from "~/routes/fournisseur.consultations.$tenderId._index";
import { loader as libraryLoader, action as libraryAction } from "~/routes/fournisseur.bibliotheque";
import { loader as jsonLoader } from "~/routes/fournisseur.bibliotheque[.]json";
import { loader as csvLoader } from "~/routes/fournisseur.bibliotheque[.]csv";
import { seed, signedInClient, type TestClient } from "../support/client";
import { DEMO_SUPPLIER1_ORG, tenderForSupplier } from "../support/fixtures-tenders";

beforeAll(async () => {
  await seed();
});

const S1 = "fournisseur@numerique-durable.example";
const S2 = "fournisseur@infoservices.example";
const [A, B] = [currentGuide.questions[0]!.id, currentGuide.questions[1]!.id];

function importFile(client: TestClient, content: string, name: string) {
  const fd = new FormData();
  fd.set("file", new Blob([content]), name);
  return client.post(libraryAction, "/fournisseur/bibliotheque", fd);
}

describe("answer library export and import", () => {
  let s1: TestClient;
  beforeAll(async () => {
    const { tenderId } = tenderForSupplier(db(), { supplierOrganisation: DEMO_SUPPLIER1_ORG, email: S1 });
    s1 = await signedInClient(S1);
    await s1.post(
      qAction,
      `/fournisseur/consultations/${tenderId}`,
      { intent: "save", version: "0", [`answers.${A}.level`]: "3", [`answers.${A}.text`]: "=HYPERLINK(\"http://evil\";\"clic\") ; avec point-virgule", [`answers.${B}.level`]: "2", [`answers.${B}.text`]: "Ligne 1\nLigne 2" },
      { tenderId: String(tenderId) },
    );
  });

  it("exports JSON and formula-safe CSV of the organisation's answers only", async () => {
    const json = await s1.get(jsonLoader, "/fournisseur/bibliotheque.json");
    expect(json.headers.get("Content-Disposition")).toContain("attachment");
    const body = json.body as { format: string; answers: { questionId: string; text: string }[] };
    expect(body.format).toBe("nr-procure/bibliotheque-reponses");
    expect(body.answers.map((a) => a.questionId)).toEqual([A, B]);
    const csv = await s1.get(csvLoader, "/fournisseur/bibliotheque.csv");
    const text = String(csv.body);
    expect(text).toContain(`"'=HYPERLINK(""http://evil"";""clic"") ; avec point-virgule"`);
    const s2 = await signedInClient(S2);
    const other = await s2.get(jsonLoader, "/fournisseur/bibliotheque.json");
    expect((other.body as { answers: unknown[] }).answers).toHaveLength(0);
    expect(db().select().from(auditLog).where(eq(auditLog.action, "library.export")).all().length).toBeGreaterThanOrEqual(3);
  });

  it("imports its own export back (JSON and CSV round trip)", async () => {
    const json = JSON.stringify((await s1.get(jsonLoader, "/fournisseur/bibliotheque.json")).body);
    const csv = String((await s1.get(csvLoader, "/fournisseur/bibliotheque.csv")).body);
    const s2 = await signedInClient(S2);
    const fromJson = await importFile(s2, json, "bibliotheque.json");
    expect(fromJson.body).toEqual({ ok: true, count: 2 });
    const fromCsv = await importFile(s2, csv, "bibliotheque.csv");
    expect(fromCsv.body).toEqual({ ok: true, count: 2 });
    const list = (await s2.get(libraryLoader, "/fournisseur/bibliotheque")).body as { entries: { questionId: string; text: string }[] };
    expect(list.entries.find((e) => e.questionId === A)?.text).toBe("=HYPERLINK(\"http://evil\";\"clic\") ; avec point-virgule");
    expect(list.entries.find((e) => e.questionId === B)?.text).toBe("Ligne 1\nLigne 2");
  });

  it("refuses a file with one wrong line and writes nothing, with French per-line errors", async () => {
    const s2 = await signedInClient(S2);
    const before = db().select().from(answerLibrary).all().length;
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
    expect(db().select().from(answerLibrary).all().length).toBe(before);
    const badJson = await importFile(s2, JSON.stringify({ format: "autre", answers: [] }), "x.json");
    expect((badJson.body as { errors: string[] }).errors[0]).toContain("format inattendu");
    const notJson = await importFile(s2, "{", "x.json");
    expect((notJson.body as { errors: string[] }).errors[0]).toContain("JSON valide");
    const wrongExt = await importFile(s2, "x", "x.txt");
    expect(wrongExt.status).toBe(400);
  });
});
