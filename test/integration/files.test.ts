import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { currentGuide } from "#questionnaires/guide";
import { answerFiles, responseAnswers, tenderEvaluators, tenders, users } from "#db/schema";
import { db } from "~/lib/db.server";
import { action as qAction } from "~/routes/fournisseur.consultations.$tenderId._index";
import { loader as fileLoader } from "~/routes/fichiers.$fileId";
import { seed, signedInClient, TestClient } from "../support/client";
import { loadQuestionnaire } from "../support/questionnaire";
import { DEMO_SUPPLIER1_ORG, DEMO_SUPPLIER2_ORG, tenderForSupplier } from "../support/fixtures-tenders";

// Small limits for this file (read lazily by config()).
process.env.UPLOAD_MAX_FILE_BYTES = "4096";
process.env.UPLOAD_MAX_TENDER_BYTES = "6000";

beforeAll(async () => {
  await seed();
});

const S1 = "fournisseur@numerique-durable.example";
const S2 = "fournisseur@infoservices.example";
const qPath = (id: number) => `/fournisseur/consultations/${id}`;
const Q1 = currentGuide.questions[0]!.id;

function pdf(size: number, marker = "preuve"): Blob {
  const head = `%PDF-1.7\n% ${marker}\n`;
  return new Blob([head.padEnd(size, " ")], { type: "application/pdf" });
}

function upload(client: TestClient, tenderId: number, file: Blob, name: string, questionId = Q1) {
  const fd = new FormData();
  fd.set("intent", "upload");
  fd.set("questionId", questionId);
  fd.set("file", file, name);
  return client.post(qAction, qPath(tenderId), fd, { tenderId: String(tenderId) });
}

async function load(client: TestClient, tenderId: number) {
  const out = await loadQuestionnaire(client, tenderId);
  expect(out.status).toBe(200);
  return out.body as { version: number; files: Record<string, { fileId: number; answerFileId: number; originalName: string }[]>; answers: Record<string, { text: string }> };
}

function download(client: TestClient, fileId: number) {
  return client.get(fileLoader, `/fichiers/${fileId}`, { fileId: String(fileId) });
}

function fill(_tenderId: number) {
  const fields: Record<string, string> = { intent: "save", version: "0" };
  for (const q of currentGuide.questions) {
    fields[`answers.${q.id}.level`] = "2";
    fields[`answers.${q.id}.text`] = "Actions ponctuelles documentées.";
  }
  return fields;
}

describe("evidence upload", () => {
  it("stores an accepted file with its original name and serves it only to its organisation", async () => {
    const { tenderId } = await tenderForSupplier(db(), { supplierOrganisation: DEMO_SUPPLIER1_ORG, email: S1 });
    const s1 = await signedInClient(S1);
    const out = await upload(s1, tenderId, pdf(1000, "secret-nd"), "Politique NR 2024 — signée.pdf");
    expect(out.status).toBe(200);
    const q = await load(s1, tenderId);
    const f = q.files[Q1]![0]!;
    expect(f.originalName).toBe("Politique NR 2024 — signée.pdf");

    const mine = await download(s1, f.fileId);
    expect(mine.status).toBe(200);
    expect(mine.headers.get("Content-Disposition")).toContain("attachment");
    expect(mine.headers.get("Content-Disposition")).toContain(encodeURIComponent("Politique NR 2024 — signée.pdf"));
    expect(mine.headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect(mine.headers.get("Content-Type")).toBe("application/pdf");
    expect(String(mine.body)).toContain("secret-nd");

    const s2 = await signedInClient(S2);
    const theirs = await download(s2, f.fileId);
    expect(theirs.status).toBe(404);
    expect(String(theirs.body)).not.toContain("secret-nd");
    expect(String(theirs.body)).not.toContain("Politique");
    const anonymous = await new TestClient().init();
    expect((await download(anonymous, f.fileId)).status).toBe(302);
    expect((await anonymous.get(fileLoader, "/fichiers/abc", { fileId: "abc" })).status).toBe(302);
    expect((await download(s2, 999_999)).status).toBe(404);
  });

  it("lets the buyer download only files of non-withdrawn submissions, and evaluators only when assigned", async () => {
    const { tenderId } = await tenderForSupplier(db(), { supplierOrganisation: DEMO_SUPPLIER2_ORG, email: S2 });
    const s2 = await signedInClient(S2);
    await s2.post(qAction, qPath(tenderId), fill(tenderId), { tenderId: String(tenderId) });
    expect((await upload(s2, tenderId, pdf(500), "preuve.pdf")).status).toBe(200);
    const q = await load(s2, tenderId);
    const fileId = q.files[Q1]![0]!.fileId;
    const buyer = await signedInClient("acheteur@metropole.example");
    const evaluator = await signedInClient("evaluateur@metropole.example");
    const rse = await signedInClient("rse@metropole.example");
    expect((await download(buyer, fileId)).status).toBe(404); // draft only

    expect((await s2.post(qAction, qPath(tenderId), { intent: "submit", version: String(q.version) }, { tenderId: String(tenderId) })).status).toBe(302);
    expect((await download(buyer, fileId)).status).toBe(200);
    expect((await download(rse, fileId)).status).toBe(404);
    expect((await download(evaluator, fileId)).status).toBe(404);
    const evaluatorId = (await db().select().from(users).where(eq(users.email, "evaluateur@metropole.example")).limit(1))[0]!.id;
    await db().insert(tenderEvaluators).values({ tenderId, userId: evaluatorId });
    expect((await download(evaluator, fileId)).status).toBe(200);

    expect((await s2.post(qAction, qPath(tenderId), { intent: "withdraw" }, { tenderId: String(tenderId) })).status).toBe(302);
    expect((await download(buyer, fileId)).status).toBe(404);
  });

  it("refuses wrong types, disguised files and oversized files, leaving the draft intact", async () => {
    const { tenderId } = await tenderForSupplier(db(), { supplierOrganisation: DEMO_SUPPLIER2_ORG, email: S2 });
    const s2 = await signedInClient(S2);
    const saved = await s2.post(qAction, qPath(tenderId), { intent: "save", version: "0", [`answers.${Q1}.level`]: "3", [`answers.${Q1}.text`]: "Texte à garder" }, { tenderId: String(tenderId) });
    expect(saved.status).toBe(200);
    const before = await load(s2, tenderId);
    const answersBefore = (await db().select().from(responseAnswers)).length;

    const exe = await upload(s2, tenderId, new Blob(["MZ\x90\x00binaire"]), "outil.exe");
    expect(exe.status).toBe(415);
    expect((exe.body as { error: string }).error).toContain("Type de fichier non accepté");

    const disguised = await upload(s2, tenderId, new Blob(["<script>alert(1)</script>"], { type: "application/pdf" }), "rapport.pdf");
    expect(disguised.status).toBe(415);
    expect((disguised.body as { error: string }).error).toContain("ne correspond pas");

    const svg = await upload(s2, tenderId, new Blob(["<svg xmlns='http://www.w3.org/2000/svg'/>"]), "logo.svg");
    expect(svg.status).toBe(415);

    const big = await upload(s2, tenderId, pdf(5000), "gros.pdf");
    expect(big.status).toBe(413);
    expect((big.body as { error: string }).error).toContain("taille maximale");

    // Per-tender total: 3 × 2 500 > 6 000.
    expect((await upload(s2, tenderId, pdf(2500), "a.pdf")).status).toBe(200);
    expect((await upload(s2, tenderId, pdf(2500), "b.pdf")).status).toBe(200);
    const total = await upload(s2, tenderId, pdf(2500), "c.pdf");
    expect(total.status).toBe(413);
    expect((total.body as { error: string }).error).toContain("total");

    const after = await load(s2, tenderId);
    expect(after.version).toBe(before.version);
    expect(after.answers[Q1]!.text).toBe("Texte à garder");
    expect(after.files[Q1]!.map((f) => f.originalName)).toEqual(["a.pdf", "b.pdf"]);
    expect((await db().select().from(responseAnswers)).length).toBe(answersBefore);

    // Accepted office and image types.
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]);
    const docx = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0]);
    const t2 = await tenderForSupplier(db(), { supplierOrganisation: DEMO_SUPPLIER2_ORG, email: S2 });
    expect((await upload(s2, t2.tenderId, new Blob([png]), "capture.PNG")).status).toBe(200);
    expect((await upload(s2, t2.tenderId, new Blob([docx]), "plan.docx")).status).toBe(200);
  });

  it("does not let a supplier attach to or detach from another organisation's answers", async () => {
    const a = await tenderForSupplier(db(), { supplierOrganisation: DEMO_SUPPLIER1_ORG, email: S1 });
    const b = await tenderForSupplier(db(), { supplierOrganisation: DEMO_SUPPLIER2_ORG, email: S2 });
    const s1 = await signedInClient(S1);
    const s2 = await signedInClient(S2);
    expect((await upload(s1, a.tenderId, pdf(300), "nd.pdf")).status).toBe(200);
    const answerFileId = (await load(s1, a.tenderId)).files[Q1]![0]!.answerFileId;
    // Into their tender: 404.
    expect((await upload(s2, a.tenderId, pdf(300), "intrus.pdf")).status).toBe(404);
    // Detach S1's file through S2's own tender: not found in S2's response.
    const detach = await s2.post(qAction, qPath(b.tenderId), { intent: `remove-file:${answerFileId}`, questionId: Q1 }, { tenderId: String(b.tenderId) });
    expect(detach.status).toBe(404);
    expect((await s2.post(qAction, qPath(a.tenderId), { intent: `remove-file:${answerFileId}`, questionId: Q1 }, { tenderId: String(a.tenderId) })).status).toBe(404);
    expect((await db().select().from(answerFiles).where(eq(answerFiles.id, answerFileId)).limit(1))[0]?.deletedAt).toBeNull();
    // S1 can detach it.
    expect((await s1.post(qAction, qPath(a.tenderId), { intent: `remove-file:${answerFileId}`, questionId: Q1 }, { tenderId: String(a.tenderId) })).status).toBe(200);
    expect((await load(s1, a.tenderId)).files[Q1] ?? []).toHaveLength(0);
  });

  it("refuses uploads after the deadline", async () => {
    const { tenderId } = await tenderForSupplier(db(), { supplierOrganisation: DEMO_SUPPLIER1_ORG, email: S1 });
    await db().update(tenders).set({ deadline: new Date(Date.now() - 1000).toISOString() }).where(eq(tenders.id, tenderId));
    const s1 = await signedInClient(S1);
    const out = await upload(s1, tenderId, pdf(300), "tard.pdf");
    expect(out.status).toBe(409);
    expect((out.body as { error: string }).error).toContain("date limite");
  });
});
