import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import crypto from "node:crypto";
import { currentGuide } from "#questionnaires/guide";
import { db } from "~/lib/db.server";
import { loader as homeLoader } from "~/routes/acheteur._index";
import { action as newAction, loader as newLoader } from "~/routes/acheteur.appels-d-offres.nouveau";
import { action as editAction, loader as editLoader } from "~/routes/acheteur.appels-d-offres.$id.modifier";
import { action as overviewAction, loader as overviewLoader } from "~/routes/acheteur.appels-d-offres.$id._index";
import { action as publishAction, loader as publishLoader } from "~/routes/acheteur.appels-d-offres.$id.publier";
import { action as cancelAction } from "~/routes/acheteur.appels-d-offres.$id.annuler";
import { action as closeAction } from "~/routes/acheteur.appels-d-offres.$id.cloturer";
import { auditLog, tenderEvaluators, tenders, users } from "#db/schema";
import { canonicalJson } from "~/lib/submission-content";
import { seed, signedInClient } from "../support/client";
import { builderFields, otherBuyer, seededTenderIds, tenderRow } from "../support/tenders";

beforeAll(async () => {
  await seed();
});

const path = (id: number, rest = "") => `/acheteur/appels-d-offres/${id}${rest}`;

async function createTender(over: Record<string, string> = {}) {
  const buyer = await signedInClient("acheteur@metropole.example");
  const out = await buyer.post(newAction, "/acheteur/appels-d-offres/nouveau", builderFields(currentGuide, over));
  expect(out.status, JSON.stringify(out.body)).toBe(302);
  const id = Number(/appels-d-offres\/(\d+)\//.exec(out.location ?? "")?.[1]);
  return { buyer, id };
}

describe("tender list and builder", () => {
  it("lists the organisation's tenders for the buyer, with the team (seeded published + draft)", async () => {
    const buyer = await signedInClient("acheteur@metropole.example");
    const out = await buyer.get(homeLoader, "/acheteur");
    const body = out.body as { tenders: { title: string; status: string; invitationCount: number; submissionCount: number }[]; members: unknown[] };
    expect(body.tenders.map((t) => t.title)).toContain("Renouvellement du parc de postes de travail");
    expect(body.tenders.some((t) => t.status === "draft")).toBe(true);
    // Counts are the tender's own: a draft has no invitation nor response (a correlated subquery once compared the
    // invitation's id with itself and showed the published tender's figures on the draft).
    for (const t of body.tenders.filter((x) => x.status === "draft")) expect([t.invitationCount, t.submissionCount]).toEqual([0, 0]);
    const published = body.tenders.find((t) => t.title === "Renouvellement du parc de postes de travail")!;
    expect([published.invitationCount, published.submissionCount]).toEqual([2, 2]);
    expect(body.members.length).toBe(3);
  });

  it("offers all 47 questions by default with the guide's N/A defaults", async () => {
    const buyer = await signedInClient("acheteur@metropole.example");
    const out = await buyer.get(newLoader, "/acheteur/appels-d-offres/nouveau");
    const body = out.body as { values: { questions: { id: string; included: boolean; allowNotApplicable: boolean }[]; criteria: { weight: number }[] } };
    expect(body.values.questions).toHaveLength(47);
    expect(body.values.questions.every((q) => q.included)).toBe(true);
    expect(body.values.criteria.every((c) => c.weight === 1)).toBe(true);
    const naDefault = currentGuide.questions.filter((q) => q.allowNotApplicableByDefault).map((q) => q.id);
    expect(body.values.questions.filter((q) => q.allowNotApplicable).map((q) => q.id)).toEqual(naDefault);
  });

  it("creates a draft, stores the Paris deadline as UTC, excludes what the buyer unticks, and audits", async () => {
    const { id } = await createTender({ "criteria.1.included": "", "questions.0.included": "", "questions.1.weight": "3", deadlineDate: "2099-01-15", deadlineTime: "10:30" });
    const row = (await tenderRow(id))!;
    expect(row.status).toBe("draft");
    expect(row.deadline).toBe("2099-01-15T09:30:00.000Z"); // winter: UTC+1
    const method = row.draftMethod as { criteria: { id: string; included: boolean }[]; questions: { id: string; included: boolean; weight: number }[]; shares: unknown };
    expect(method.criteria[1]!.included).toBe(false);
    expect(method.questions[0]!.included).toBe(false);
    expect(method.questions[1]!.weight).toBe(3);
    expect(method.shares).toEqual({ price: 40, technical: 30, rse: 30 });
    const entries = await db().select().from(auditLog).where(and(eq(auditLog.action, "tender.create"), eq(auditLog.targetId, String(id))));
    expect(entries).toHaveLength(1);
  });

  it("converts a summer Paris deadline (UTC+2)", async () => {
    const { id } = await createTender({ deadlineDate: "2099-07-01", deadlineTime: "17:00" });
    expect((await tenderRow(id))!.deadline).toBe("2099-07-01T15:00:00.000Z");
  });

  it("refuses RSE above 30 % and a sum different from 100, in French, keeping the typed values", async () => {
    const buyer = await signedInClient("acheteur@metropole.example");
    const out = await buyer.post(newAction, "/acheteur/appels-d-offres/nouveau", builderFields(currentGuide, { "shares.rse": "35", "shares.price": "40", "shares.technical": "30", title: "Trop de RSE" }));
    expect(out.status).toBe(400);
    const body = out.body as { fieldErrors: Record<string, string[]>; values: { title: string; shares: { rse: unknown } } };
    expect(body.fieldErrors["shares.rse"]?.[0]).toContain("ne peut pas dépasser 30 %");
    expect(body.fieldErrors["shares.total"]?.[0]).toContain("totaliser 100 %");
    expect(body.values.title).toBe("Trop de RSE");
    expect(String(body.values.shares.rse)).toBe("35");
  });

  it("saves a draft again (edit) and audits it", async () => {
    const { buyer, id } = await createTender();
    const out = await buyer.post(editAction, path(id, "/modifier"), builderFields(currentGuide, { title: "Titre modifié" }), { id: String(id) });
    expect(out.status).toBe(302);
    expect((await tenderRow(id))!.title).toBe("Titre modifié");
    expect(await db().select().from(auditLog).where(and(eq(auditLog.action, "tender.update-draft"), eq(auditLog.targetId, String(id))))).toHaveLength(1);
  });
});

describe("publication", () => {
  it("needs a confirmation, then freezes the method with its SHA-256 and audits", async () => {
    const { buyer, id } = await createTender();
    const unconfirmed = await buyer.post(publishAction, path(id, "/publier"), {}, { id: String(id) });
    expect(unconfirmed.status).toBe(400);
    expect((await tenderRow(id))!.status).toBe("draft");
    const out = await buyer.post(publishAction, path(id, "/publier"), { confirm: "yes" }, { id: String(id) });
    expect(out.status).toBe(302);
    const row = (await tenderRow(id))!;
    expect(row.status).toBe("published");
    // Issue 11 §2: the organisation's regime and the launch date are frozen with the method.
    const { procurement, ...rest } = row.publishedMethod as { procurement: { regime: string; countOnlyReviewed: boolean } };
    expect(rest).toEqual(row.draftMethod);
    expect(procurement).toMatchObject({ regime: "public", countOnlyReviewed: true });
    expect(row.publishedMethodSha256).toBe(crypto.createHash("sha256").update(canonicalJson(row.publishedMethod)).digest("hex"));
    const entry = (await db().select().from(auditLog).where(and(eq(auditLog.action, "tender.publish"), eq(auditLog.targetId, String(id)))).limit(1))[0];
    expect(entry?.userId).toBeTypeOf("number");
    expect((entry?.details as { methodSha256: string }).methodSha256).toBe(row.publishedMethodSha256);
  });

  it("refuses to publish with a past deadline or without any question", async () => {
    const past = await createTender({ deadlineDate: "2001-01-01" });
    const r1 = await past.buyer.post(publishAction, path(past.id, "/publier"), { confirm: "yes" }, { id: String(past.id) });
    expect(r1.status).toBe(400);
    expect((r1.body as { issues: string[] }).issues.join(" ")).toContain("date limite de réponse doit être dans le futur");
    const over: Record<string, string> = {};
    currentGuide.criteria.forEach((_, i) => (over[`criteria.${i}.included`] = ""));
    const none = await createTender(over);
    const r2 = await none.buyer.post(publishAction, path(none.id, "/publier"), { confirm: "yes" }, { id: String(none.id) });
    expect(r2.status).toBe(400);
    expect((r2.body as { issues: string[] }).issues.join(" ")).toContain("au moins une question");
    expect((await tenderRow(none.id))!.status).toBe("draft");
  });

  it("freezes the method: an edit posted after publication fails server-side and changes nothing", async () => {
    const { buyer, id } = await createTender();
    await buyer.post(publishAction, path(id, "/publier"), { confirm: "yes" }, { id: String(id) });
    const before = (await tenderRow(id))!;
    const out = await buyer.post(editAction, path(id, "/modifier"), builderFields(currentGuide, { "shares.rse": "10", "shares.price": "60" }), { id: String(id) });
    expect(out.status).toBe(409);
    const after = (await tenderRow(id))!;
    expect(after.publishedMethod).toEqual(before.publishedMethod);
    expect(after.draftMethod).toEqual(before.draftMethod);
    const again = await buyer.post(publishAction, path(id, "/publier"), { confirm: "yes" }, { id: String(id) });
    expect(again.status).toBe(400);
    expect((await tenderRow(id))!.publishedAt).toBe(before.publishedAt);
  });

  it("cancels with a reason and a confirmation, closes, and audits both", async () => {
    const a = await createTender();
    const noReason = await a.buyer.post(cancelAction, path(a.id, "/annuler"), { reason: "", confirm: "yes" }, { id: String(a.id) });
    expect(noReason.status).toBe(400);
    expect((noReason.body as { fieldErrors: Record<string, string[]> }).fieldErrors.reason?.[0]).toContain("motif");
    const ok = await a.buyer.post(cancelAction, path(a.id, "/annuler"), { reason: "Besoin redéfini par la direction", confirm: "yes" }, { id: String(a.id) });
    expect(ok.status).toBe(302);
    expect((await tenderRow(a.id))!.status).toBe("cancelled");
    expect((await tenderRow(a.id))!.cancelReason).toBe("Besoin redéfini par la direction");

    const b = await createTender();
    await b.buyer.post(publishAction, path(b.id, "/publier"), { confirm: "yes" }, { id: String(b.id) });
    const closed = await b.buyer.post(closeAction, path(b.id, "/cloturer"), { confirm: "yes" }, { id: String(b.id) });
    expect(closed.status).toBe(302);
    expect((await tenderRow(b.id))!.status).toBe("closed");
    const actions = (await db().select({ a: auditLog.action }).from(auditLog)).map((r) => r.a);
    expect(actions).toContain("tender.cancel");
    expect(actions).toContain("tender.close");
  });
});

describe("tenancy and roles", () => {
  it("gives another buying organisation 404 on our tenders, in URLs and in form posts", async () => {
    const { published, draft } = await seededTenderIds();
    const other = await otherBuyer();
    const list = await other.get(homeLoader, "/acheteur");
    expect((list.body as { tenders: unknown[] }).tenders).toHaveLength(0);
    for (const id of [published, draft]) {
      expect((await other.get(overviewLoader, path(id), { id: String(id) })).status).toBe(404);
      expect((await other.get(editLoader, path(id, "/modifier"), { id: String(id) })).status).toBe(404);
      expect((await other.get(publishLoader, path(id, "/publier"), { id: String(id) })).status).toBe(404);
    }
    const edit = await other.post(editAction, path(draft, "/modifier"), builderFields(currentGuide, { title: "Piraté" }), { id: String(draft) });
    expect(edit.status).toBe(404);
    const pub = await other.post(publishAction, path(draft, "/publier"), { confirm: "yes" }, { id: String(draft) });
    expect(pub.status).toBe(404);
    const cancel = await other.post(cancelAction, path(published, "/annuler"), { reason: "Annulation pirate", confirm: "yes" }, { id: String(published) });
    expect(cancel.status).toBe(404);
    expect((await tenderRow(draft))!.status).toBe("draft");
    expect((await tenderRow(published))!.status).toBe("published");
    // Assigning evaluators on our tender from the other organisation: 404.
    const ourEvaluator = (await db().select().from(users).where(eq(users.email, "evaluateur@metropole.example")).limit(1))[0]!;
    const foreign = await other.post(overviewAction, path(published), { intent: "evaluators", evaluators: String(ourEvaluator.id) }, { id: String(published) });
    expect(foreign.status).toBe(404);
  });

  it("refuses an evaluator of another organisation passed in the evaluators field", async () => {
    const other = await otherBuyer("acheteur2@autre-collectivite.example");
    const otherUser = (await db().select().from(users).where(eq(users.email, "acheteur2@autre-collectivite.example")).limit(1))[0]!;
    const buyer = await signedInClient("acheteur@metropole.example");
    const { published } = await seededTenderIds();
    const out = await buyer.post(overviewAction, path(published), { intent: "evaluators", evaluators: String(otherUser.id) }, { id: String(published) });
    expect(out.status).toBe(404);
    expect(other).toBeDefined();
  });

  it("shows an evaluator only the tenders they are assigned to", async () => {
    const { published, draft } = await seededTenderIds();
    const evaluator = await signedInClient("evaluateur@metropole.example");
    const list = await evaluator.get(homeLoader, "/acheteur");
    expect((list.body as { tenders: { id: number }[] }).tenders.map((t) => t.id)).toEqual([published]);
    expect((await evaluator.get(overviewLoader, path(draft), { id: String(draft) })).status).toBe(404);
    expect((await evaluator.get(overviewLoader, path(published), { id: String(published) })).status).toBe(200);
    // …and cannot do buyer actions on it.
    expect((await evaluator.post(cancelAction, path(published, "/annuler"), { reason: "Tentative évaluateur", confirm: "yes" }, { id: String(published) })).status).toBe(403);
    expect((await evaluator.get(newLoader, "/acheteur/appels-d-offres/nouveau")).status).toBe(403);
  });

  it("assigns evaluators (buyer) with an audit entry", async () => {
    const { draft } = await seededTenderIds();
    const buyer = await signedInClient("acheteur@metropole.example");
    const ev = (await db().select().from(users).where(eq(users.email, "evaluateur@metropole.example")).limit(1))[0]!;
    const out = await buyer.post(overviewAction, path(draft), { intent: "evaluators", evaluators: String(ev.id) }, { id: String(draft) });
    expect(out.status).toBe(302);
    expect(await db().select().from(tenderEvaluators).where(eq(tenderEvaluators.tenderId, draft))).toHaveLength(1);
    expect((await db().select().from(auditLog).where(eq(auditLog.action, "tender.evaluators"))).length).toBeGreaterThan(0);
    // Unassign again so other tests see the seeded state.
    await buyer.post(overviewAction, path(draft), { intent: "evaluators" }, { id: String(draft) });
    expect(await db().select().from(tenderEvaluators).where(eq(tenderEvaluators.tenderId, draft))).toHaveLength(0);
  });

  it("answers 403 to a supplier on every buyer page, even with a real tender id", async () => {
    const { published, draft } = await seededTenderIds();
    const supplier = await signedInClient("fournisseur@numerique-durable.example");
    expect((await supplier.get(homeLoader, "/acheteur")).status).toBe(403);
    expect((await supplier.get(newLoader, "/acheteur/appels-d-offres/nouveau")).status).toBe(403);
    for (const id of [published, draft]) {
      expect((await supplier.get(overviewLoader, path(id), { id: String(id) })).status).toBe(403);
      expect((await supplier.get(editLoader, path(id, "/modifier"), { id: String(id) })).status).toBe(403);
      expect((await supplier.post(publishAction, path(id, "/publier"), { confirm: "yes" }, { id: String(id) })).status).toBe(403);
    }
    expect((await db().select().from(tenders).where(eq(tenders.id, draft)).limit(1))[0]!.status).toBe("draft");
  });
});
