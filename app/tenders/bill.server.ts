/**
 * Bill of quantities in the portal (issue 12): the buyer's lines (draft only, frozen with the method
 * at publication), each supplier's answers per line (own organisation only), the offers computed by
 * scoring/bill-of-quantities.ts, the evaluator's replacements (audited) and, at award, the winning
 * lines carried into the CSR team's scope 3 activity data with their provenance.
 * Access: every function takes the acting user and goes through the access module of its side
 * (`loadTender*` for the buying side, `requireSupplierTender` for a supplier).
 */
import { and, asc, desc, eq, inArray, isNull } from "drizzle-orm";
import { activityData, billOffers, billReplacements, billResponses, factorSets, factors, tenders } from "#db/schema";
import { mapInOrder, affectedRows } from "#db/transaction";
import { AutoDecoder, CsvUnreadableError, type FactorIssue, type ReferenceRatioLike } from "#emission-factors";
import { billOffer, compileBill, formatCents, formatGrams, type BillOffer, type CompiledBill } from "#scoring";
import { isBuyer } from "~/auth/permissions.server";
import type { CurrentUser } from "~/auth/session.server";
import { referenceRatiosOfBuyer } from "~/carbon/reference-ratios.server";
import { audit } from "~/lib/audit.server";
import { toCsv } from "~/lib/csv";
import { db, type Tx, transaction } from "~/lib/db.server";
import { AppError, notFound } from "~/lib/errors";
import { loadTender, loadTenderAsBuyer, type TenderRow } from "./access.server";
import {
  answerPlausibility,
  answerQuality,
  billCsvRows,
  billTemplateLines,
  billUnitLabel,
  lineReferenceRatio,
  methodLabelOf,
  MIN_REPLACEMENT_JUSTIFICATION,
  parseBillCsv,
  plainDecimal,
  scoringBill,
  scoringResponse,
  type BillAnswer,
  type FactorCandidate,
  type LineReplacement,
} from "./bill";
import { methodOf, publishedMethodOf, publishedQuestionsOf, readDraftMethod } from "./builder";
import { evaluableSubmissions } from "./evaluation.server";
import type { MethodBillLine, TenderMethod } from "./method";

export const BILL_MAX_BYTES = 5 * 1024 * 1024;

export const billOf = (method: Pick<TenderMethod, "bill">): MethodBillLine[] => method.bill ?? [];

export function decodeCsv(bytes: Uint8Array): { ok: true; text: string } | { ok: false; errors: FactorIssue[] } {
  try {
    const decoder = new AutoDecoder();
    return { ok: true, text: decoder.push(bytes) + decoder.end() };
  } catch (e) {
    if (e instanceof CsvUnreadableError) return { ok: false, errors: [{ line: 1, column: "", message: e.message }] };
    throw e;
  }
}

// ---------------------------------------------------------------------------------------------
// Buyer: the bill's lines

/** The bill page of the buying side: lines, and whether they can still change (draft, buyer). */
export async function billPage({ id, user }: { id: number; user: CurrentUser }) {
  const tender = await loadTender({ id, user });
  const method = methodOf(tender);
  return {
    tender: { id: tender.id, title: tender.title, status: tender.status, segment: tender.segment },
    editable: tender.status === "draft" && isBuyer(user),
    lines: billOf(method).map((l) => ({ ...l, unitLabel: billUnitLabel(l.unit) })),
  };
}

async function writeDraftBill(tx: Tx, tender: TenderRow, bill: MethodBillLine[]): Promise<void> {
  const method = readDraftMethod(tender.draftMethod);
  const next: TenderMethod = { ...method, bill };
  const res = await tx
      .update(tenders)
      .set({ draftMethod: next, updatedAt: new Date().toISOString() })
      .where(and(eq(tenders.id, tender.id), eq(tenders.status, "draft")));
  if (affectedRows(res) !== 1) throw frozen();
}

const frozen = () => new AppError("conflict", "Cet appel d'offres est publié : son bordereau est figé avec la méthode de notation et ne peut plus être modifié.");

async function draftTender(id: number, user: CurrentUser): Promise<TenderRow> {
  const tender = await loadTenderAsBuyer({ id, user });
  if (tender.status !== "draft") throw frozen();
  return tender;
}

export async function addBillLine({ id, user, line }: { id: number; user: CurrentUser; line: MethodBillLine }): Promise<void> {
  const tender = await draftTender(id, user);
  const bill = billOf(readDraftMethod(tender.draftMethod));
  if (bill.some((l) => l.id === line.id)) throw new AppError("invalid", `L'identifiant « ${line.id} » est déjà utilisé par une ligne du bordereau.`);
  await transaction(async (tx) => {
        await writeDraftBill(tx, tender, [...bill, line]);
        await audit(tx, { userId: user.id, organisationId: user.organisationId, action: "tender.bill-line-add", targetType: "tender", targetId: tender.id, details: { ...line } });
      });
}

export async function deleteBillLine({ id, user, lineId }: { id: number; user: CurrentUser; lineId: string }): Promise<void> {
  const tender = await draftTender(id, user);
  const bill = billOf(readDraftMethod(tender.draftMethod));
  if (!bill.some((l) => l.id === lineId)) throw notFound("Cette ligne n'existe pas dans le bordereau.");
  await transaction(async (tx) => {
        await writeDraftBill(tx, tender, bill.filter((l) => l.id !== lineId));
        await audit(tx, { userId: user.id, organisationId: user.organisationId, action: "tender.bill-line-delete", targetType: "tender", targetId: tender.id, details: { lineId } });
      });
}

export type BillImportResult = { ok: true; imported: number; warnings: string[] } | { ok: false; errors: FactorIssue[]; warnings: string[] };

/** Replaces the draft's bill with a CSV file's lines: every line valid, or nothing changes. */
export async function importBill({ id, user, bytes, fileName }: { id: number; user: CurrentUser; bytes: Uint8Array; fileName: string }): Promise<BillImportResult> {
  const tender = await draftTender(id, user);
  const decoded = decodeCsv(bytes);
  if (!decoded.ok) return { ok: false, errors: decoded.errors, warnings: [] };
  const parsed = parseBillCsv(decoded.text);
  if (parsed.errors.length > 0) return { ok: false, errors: parsed.errors, warnings: parsed.warnings };
  await transaction(async (tx) => {
        await writeDraftBill(tx, tender, parsed.lines);
        await audit(tx, { userId: user.id, organisationId: user.organisationId, action: "tender.bill-import", targetType: "tender", targetId: tender.id, details: { fileName, lines: parsed.lines.length } });
      });
  return { ok: true, imported: parsed.lines.length, warnings: parsed.warnings };
}

export function billTemplateCsv(): string {
  return toCsv(billCsvRows(billTemplateLines), { delimiter: ";", bom: true });
}

export async function billCsvForBuyer({ id, user }: { id: number; user: CurrentUser }): Promise<{ csv: string; filename: string }> {
  const tender = await loadTender({ id, user });
  return { csv: toCsv(billCsvRows(billOf(methodOf(tender))), { delimiter: ";", bom: true }), filename: `bordereau-${tender.reference || tender.id}.csv` };
}

// ---------------------------------------------------------------------------------------------
// Reading answers (always scoped by supplier organisation)

type AnswerRow = typeof billResponses.$inferSelect;

function rowToAnswer(r: AnswerRow): BillAnswer {
  return {
    lineId: r.lineId,
    unitPrice: r.unitPrice,
    factor: r.factor,
    factorId: r.factorId,
    method: r.method,
    source: r.source,
    referenceYear: r.referenceYear,
    verifiedBy: r.verifiedBy,
    uncertaintyPct: r.uncertaintyPct,
  };
}

/** One supplier organisation's answers to one tender's bill. */
export async function answersOf(tenderId: number, supplierOrganisationId: number): Promise<Map<string, BillAnswer>> {
  const rows = await db()
      .select()
      .from(billResponses)
      .where(and(eq(billResponses.tenderId, tenderId), eq(billResponses.supplierOrganisationId, supplierOrganisationId)));
  return new Map(rows.map((r) => [r.lineId, rowToAnswer(r)]));
}

type ReplacementRow = typeof billReplacements.$inferSelect;

async function activeReplacements(tenderId: number, supplierOrganisationIds: number[]): Promise<ReplacementRow[]> {
  if (supplierOrganisationIds.length === 0) return [];
  return await db()
      .select()
      .from(billReplacements)
      .where(and(eq(billReplacements.tenderId, tenderId), inArray(billReplacements.supplierOrganisationId, supplierOrganisationIds), isNull(billReplacements.withdrawnAt)))
      .orderBy(asc(billReplacements.id));
}

const toLineReplacement = (r: ReplacementRow): LineReplacement => ({ lineId: r.lineId, ratioKgPerKEur: r.ratioKgPerKEur, justification: r.justification });

/** The supplier's factors from its own uploaded versions (every version), for matching. */
export async function ownFactorCandidates(supplierOrganisationId: number, units: string[]): Promise<FactorCandidate[]> {
  if (units.length === 0) return [];
  return await db()
      .select({
        id: factors.id,
        setId: factors.setId,
        version: factorSets.version,
        line: factors.line,
        item: factors.item,
        activityUnit: factors.activityUnit,
        valueKgPerUnit: factors.valueKgPerUnit,
        method: factors.method,
        referenceYear: factors.referenceYear,
        verifiedBy: factors.verifiedBy,
        source: factors.source,
        uncertaintyPct: factors.uncertaintyPct,
      })
      .from(factors)
      .innerJoin(factorSets, eq(factorSets.id, factors.setId))
      .where(and(eq(factorSets.supplierOrganisationId, supplierOrganisationId), inArray(factors.activityUnit, units)))
      .orderBy(desc(factorSets.version), asc(factors.line))
      .limit(20000);
}

/** Computes an offer when every line is answered; the incomplete line ids otherwise. */
export function offerOf(compiled: CompiledBill, bill: MethodBillLine[], answers: ReadonlyMap<string, BillAnswer>, replacements: ReadonlyMap<string, LineReplacement>) {
  const r = scoringResponse(bill, answers, replacements);
  if (!r.ok) return { offer: null, incomplete: r.incomplete };
  return { offer: billOffer(compiled, r.response), incomplete: [] as string[] };
}

/** Keeps the answers; a line whose factor is picked from an uploaded version gets that factor's values and link. */
export async function writeAnswers(tx: Tx, user: CurrentUser, tender: TenderRow, answers: BillAnswer[]): Promise<void> {
  const tenderId = tender.id;
  const at = new Date().toISOString();
  for (const a of answers) {
    const values = {
      unitPrice: a.unitPrice,
      factor: a.factor,
      factorId: a.factorId,
      method: a.method,
      source: a.source,
      referenceYear: a.referenceYear,
      verifiedBy: a.verifiedBy,
      uncertaintyPct: a.uncertaintyPct,
      updatedBy: user.id,
      updatedAt: at,
    };
    await tx.insert(billResponses)
            .values({ tenderId, supplierOrganisationId: user.organisationId, lineId: a.lineId, ...values })
            .onConflictDoUpdate({ target: [billResponses.tenderId, billResponses.supplierOrganisationId, billResponses.lineId], set: values });
  }
  await recomputeBillOffer(tx, tender, user.organisationId, await referenceRatiosOfBuyer(tender.organisationId));
}

// ---------------------------------------------------------------------------------------------
// Buying side: offers, evaluator's view, replacements

export interface SupplierBillOffer {
  organisationId: number;
  name: string;
  answers: Map<string, BillAnswer>;
  replacements: ReplacementRow[];
  offer: BillOffer | null;
  incomplete: string[];
}

/** One supplier's full offer (its answers, active replacements, computed lines) for a tender with a bill. */
export async function supplierBillOffer(tender: TenderRow, supplierOrganisationId: number, name = ""): Promise<SupplierBillOffer | null> {
  const method = publishedMethodOf(tender);
  const bill = method ? billOf(method) : [];
  if (bill.length === 0) return null;
  const answers = await answersOf(tender.id, supplierOrganisationId);
  const replacements = await activeReplacements(tender.id, [supplierOrganisationId]);
  const { offer, incomplete } = offerOf(compileBill(scoringBill(bill)), bill, answers, new Map(replacements.map((r) => [r.lineId, toLineReplacement(r)])));
  return { organisationId: supplierOrganisationId, name, answers, replacements, offer, incomplete };
}

/**
 * Rewrites the supplier's cached offer (`bill_offers`) from its answers and active replacements, in
 * the caller's transaction: called by every change to either. `ratios` are the buyer's reference
 * ratios (read before the transaction) for the implausible-factor count.
 */
export async function recomputeBillOffer(tx: Tx, tender: Pick<TenderRow, "id" | "publishedMethod">, supplierOrganisationId: number, ratios: readonly ReferenceRatioLike[]): Promise<void> {
  const method = publishedMethodOf(tender);
  const bill = method ? billOf(method) : [];
  if (bill.length === 0) return;
  const answers = new Map(
    (await tx.select().from(billResponses).where(and(eq(billResponses.tenderId, tender.id), eq(billResponses.supplierOrganisationId, supplierOrganisationId)))).map((r) => [r.lineId, rowToAnswer(r)]),
  );
  const reps = await tx
      .select()
      .from(billReplacements)
      .where(and(eq(billReplacements.tenderId, tender.id), eq(billReplacements.supplierOrganisationId, supplierOrganisationId), isNull(billReplacements.withdrawnAt)));
  const { offer, incomplete } = offerOf(compileBill(scoringBill(bill)), bill, answers, new Map(reps.map((r) => [r.lineId, toLineReplacement(r)])));
  let flagged = 0;
  let unverified = 0;
  for (const l of bill) {
    const a = answers.get(l.id);
    if (!a) continue;
    if (answerPlausibility(l, a, ratios)?.flagged) flagged++;
    if (a.factor !== null && !a.verifiedBy) unverified++;
  }
  const values = {
    complete: offer !== null,
    incompleteLines: incomplete.length,
    priceCents: offer?.priceCents ?? null,
    footprintGrams: offer?.footprintGrams ?? null,
    flagged,
    unverified,
    computedAt: new Date().toISOString(),
  };
  await tx.insert(billOffers)
        .values({ tenderId: tender.id, supplierOrganisationId, ...values })
        .onConflictDoUpdate({ target: [billOffers.tenderId, billOffers.supplierOrganisationId], set: values });
}

export interface SupplierBillTotals {
  organisationId: number;
  name: string;
  complete: boolean;
  incompleteLines: number;
  /** € HT (= priceCents / 100) and kgCO2e (= footprintGrams / 1000); null while incomplete. */
  price: number | null;
  footprintKg: number | null;
  priceText: string | null;
  footprintText: string | null;
  flagged: number;
  unverified: number;
  replaced: number;
}

/**
 * The computed offers of a published tender with a bill, one per supplier whose submission counts
 * (`evaluableSubmissions`: nothing before evaluation opens), read from the `bill_offers` cache.
 * Empty for a tender without a bill. A supplier that never answered is incomplete.
 */
export async function tenderBillTotals(tender: TenderRow): Promise<{ bill: MethodBillLine[]; offers: SupplierBillTotals[] }> {
  // Either kind of consultation (the evaluation overview is shared): a campaign has no bill.
  const method = publishedQuestionsOf(tender);
  const bill = method ? billOf(method) : [];
  if (bill.length === 0) return { bill, offers: [] };
  const subs = await evaluableSubmissions(tender);
  const orgIds = subs.map((s) => s.supplierOrganisationId);
  const cached = new Map(
    (orgIds.length ? await db().select().from(billOffers).where(and(eq(billOffers.tenderId, tender.id), inArray(billOffers.supplierOrganisationId, orgIds))) : []).map((r) => [r.supplierOrganisationId, r]),
  );
  const replaced = new Map<number, number>();
  for (const r of await activeReplacements(tender.id, orgIds)) replaced.set(r.supplierOrganisationId, (replaced.get(r.supplierOrganisationId) ?? 0) + 1);
  const offers = subs.map((s): SupplierBillTotals => {
    const c = cached.get(s.supplierOrganisationId);
    const complete = !!c?.complete && c.priceCents !== null && c.footprintGrams !== null;
    return {
      organisationId: s.supplierOrganisationId,
      name: s.supplierName,
      complete,
      incompleteLines: c ? c.incompleteLines : bill.length,
      price: complete ? c!.priceCents! / 100 : null,
      footprintKg: complete ? c!.footprintGrams! / 1000 : null,
      priceText: complete ? formatCents(c!.priceCents!) : null,
      footprintText: complete ? formatGrams(c!.footprintGrams!) : null,
      flagged: c?.flagged ?? 0,
      unverified: c?.unverified ?? 0,
      replaced: replaced.get(s.supplierOrganisationId) ?? 0,
    };
  });
  return { bill, offers };
}

/**
 * The value of the `empreinte-offre` offer criterion (issue 11's offer criteria, `lower-is-better`)
 * for each supplier, in kgCO2e: the bill's computed footprint, never typed. `null` when the tender
 * has no bill or the supplier's bill is incomplete (the scoring contract then lists the value as
 * missing). This is the one place that wires the bill into the scoring input's `offerValues`.
 */
export const FOOTPRINT_CRITERION_ID = "empreinte-offre";
export function footprintOfferValues(offers: readonly SupplierBillTotals[]): Map<number, number | null> {
  return new Map(offers.map((o) => [o.organisationId, o.footprintKg]));
}

/** The evaluator's footprint view: per supplier totals; per line for one supplier, sorted by weight. */
export async function footprintView({ tenderId, user, supplierId }: { tenderId: number; user: CurrentUser; supplierId: number | null }) {
  const tender = await loadTender({ id: tenderId, user });
  const { bill, offers } = await tenderBillTotals(tender);
  const ratios = bill.length ? await referenceRatiosOfBuyer(tender.organisationId) : [];
  const year = new Date().getFullYear();
  const summary = offers.map((o) => ({
    organisationId: o.organisationId,
    name: o.name,
    price: o.priceText,
    footprint: o.footprintText,
    incomplete: o.incompleteLines,
    flagged: o.flagged,
    unverified: o.unverified,
    replaced: o.replaced,
  }));
  const listed = supplierId === null ? null : offers.find((o) => o.organisationId === supplierId);
  if (supplierId !== null && !listed) throw notFound("Ce fournisseur n'a pas d'offre évaluable pour cet appel d'offres.");
  const selected = listed ? await supplierBillOffer(tender, listed.organisationId, listed.name) : null;
  let lines = null;
  if (selected) {
    const replacedBy = new Map(selected.replacements.map((r) => [r.lineId, r]));
    lines = bill
      .map((l, i) => {
        const a = selected.answers.get(l.id) ?? null;
        const computed = selected.offer?.lines[i] ?? null;
        const plaus = a ? answerPlausibility(l, a, ratios) : null;
        const q = a ? answerQuality(a, year) : null;
        const ratio = lineReferenceRatio(l, ratios);
        const rep = replacedBy.get(l.id) ?? null;
        return {
          index: i,
          id: l.id,
          label: l.label,
          unitLabel: billUnitLabel(l.unit),
          quantity: l.quantity,
          unitPrice: a?.unitPrice ?? null,
          factor: a?.factor ?? null,
          factorLinked: a?.factorId != null,
          method: methodLabelOf(a?.method ?? null),
          referenceYear: a?.referenceYear ?? null,
          verifiedBy: a?.verifiedBy ?? null,
          source: a?.source ?? null,
          quality: q ? { grade: q.grade, score: q.score, reasons: q.reasons } : null,
          plausibility: plaus ? { flagged: plaus.flagged, message: plaus.message } : null,
          amount: computed ? formatCents(computed.amountCents) : null,
          footprint: computed ? formatGrams(computed.footprintGrams) : null,
          footprintGrams: computed?.footprintGrams ?? 0,
          share: computed ? computed.footprintShare : null,
          reference: ratio ? { key: ratio.key, label: ratio.label, kgPerKEur: ratio.kgPerKEur, year: ratio.year } : null,
          replacement: rep ? { justification: rep.justification, ratioLabel: rep.ratioLabel, ratio: rep.ratioKgPerKEur, at: rep.createdAt } : null,
        };
      })
      .sort((a, b) => b.footprintGrams - a.footprintGrams || a.index - b.index);
  }
  return {
    tender: { id: tender.id, title: tender.title, status: tender.status },
    hasBill: bill.length > 0,
    canReplace: tender.status === "published",
    summary,
    selected: selected ? { organisationId: selected.organisationId, name: selected.name, price: selected.offer?.priceText ?? null, footprint: selected.offer?.footprintText ?? null, incomplete: selected.incomplete } : null,
    lines,
  };
}


/**
 * Replaces a supplier's factor on one line by the conservative reference: the line's footprint
 * becomes line amount (k€) × the buyer's reference monetary ratio for the line (segment, else GHG
 * category). Needs a written justification; audited; shown to the supplier in its debrief. Only
 * while the tender is published (after closing, the offers are final).
 */
export async function replaceLineFactor({ tenderId, user, supplierId, lineId, justification }: { tenderId: number; user: CurrentUser; supplierId: number; lineId: string; justification: string }): Promise<void> {
  const tender = await loadTender({ id: tenderId, user });
  if (tender.status !== "published") throw new AppError("conflict", "Seul un appel d'offres publié peut être modifié : les offres d'un appel d'offres clôturé ou annulé sont définitives.");
  const { bill, offers } = await tenderBillTotals(tender);
  const line = bill.find((l) => l.id === lineId);
  const offer = offers.some((o) => o.organisationId === supplierId) ? await supplierBillOffer(tender, supplierId) : null;
  if (!line || !offer) throw notFound("Cette ligne ou ce fournisseur n'existe pas pour cet appel d'offres.");
  const text = justification.trim();
  if (text.length < MIN_REPLACEMENT_JUSTIFICATION) throw new AppError("invalid", `Justifiez le remplacement (${MIN_REPLACEMENT_JUSTIFICATION} caractères au moins) : il est conservé au journal et montré au fournisseur.`);
  if (offer.answers.get(lineId)?.unitPrice == null) throw new AppError("invalid", "Cette ligne n'a pas de prix unitaire : le montant de la ligne, base du remplacement, est inconnu.");
  const ratios = await referenceRatiosOfBuyer(tender.organisationId);
  const ratio = lineReferenceRatio(line, ratios);
  if (!ratio) throw new AppError("invalid", "Aucun ratio monétaire de référence pour le segment ni la catégorie de cette ligne : demandez à l'équipe RSE d'en ajouter un.");
  const at = new Date().toISOString();
  await transaction(async (tx) => {
        await tx.update(billReplacements)
                .set({ withdrawnAt: at, withdrawnBy: user.id })
                .where(and(eq(billReplacements.tenderId, tender.id), eq(billReplacements.supplierOrganisationId, supplierId), eq(billReplacements.lineId, lineId), isNull(billReplacements.withdrawnAt)));
        const row = (await tx
              .insert(billReplacements)
              .values({
                tenderId: tender.id,
                supplierOrganisationId: supplierId,
                lineId,
                ratioKey: ratio.key,
                ratioLabel: ratio.label,
                ratioKgPerKEur: plainDecimal(ratio.kgPerKEur),
                ratioSource: ratio.source,
                ratioYear: ratio.year,
                justification: text,
                createdBy: user.id,
                createdAt: at,
              })
              .returning({ id: billReplacements.id }))[0]!;
        await audit(tx, {
                userId: user.id,
                organisationId: user.organisationId,
                action: "tender.bill-factor-replace",
                targetType: "bill_replacement",
                targetId: row.id,
                details: { tenderId: tender.id, supplierOrganisationId: supplierId, lineId, supplierFactor: offer.answers.get(lineId)?.factor ?? null, ratio: { key: ratio.key, kgPerKEur: ratio.kgPerKEur, year: ratio.year }, justification: text },
              });
        await recomputeBillOffer(tx, tender, supplierId, ratios);
      });
}

/** Withdraws a replacement (the supplier's factor counts again); audited. */
export async function withdrawReplacement({ tenderId, user, supplierId, lineId }: { tenderId: number; user: CurrentUser; supplierId: number; lineId: string }): Promise<void> {
  const tender = await loadTender({ id: tenderId, user });
  if (tender.status !== "published") throw new AppError("conflict", "Seul un appel d'offres publié peut être modifié.");
  const ratios = await referenceRatiosOfBuyer(tender.organisationId);
  await transaction(async (tx) => {
        const res = await tx
              .update(billReplacements)
              .set({ withdrawnAt: new Date().toISOString(), withdrawnBy: user.id })
              .where(and(eq(billReplacements.tenderId, tender.id), eq(billReplacements.supplierOrganisationId, supplierId), eq(billReplacements.lineId, lineId), isNull(billReplacements.withdrawnAt)));
        if (affectedRows(res) === 0) throw notFound("Aucun remplacement en cours sur cette ligne.");
        await audit(tx, { userId: user.id, organisationId: user.organisationId, action: "tender.bill-factor-restore", targetType: "tender", targetId: tender.id, details: { supplierOrganisationId: supplierId, lineId } });
        await recomputeBillOffer(tx, tender, supplierId, ratios);
      });
}

/** The replacements on the acting supplier's own lines, for its debrief. */
export async function ownReplacements(tenderId: number, supplierOrganisationId: number) {
  return (await activeReplacements(tenderId, [supplierOrganisationId])).map((r) => ({
    lineId: r.lineId,
    ratioLabel: r.ratioLabel,
    ratio: r.ratioKgPerKEur,
    ratioYear: r.ratioYear,
    justification: r.justification,
    at: r.createdAt,
  }));
}

/** The supplier's own computed offer for its debrief (replacements included); null without a bill. */
export async function ownBillOffer(tender: TenderRow, supplierOrganisationId: number) {
  const method = publishedMethodOf(tender);
  const bill = method ? billOf(method) : [];
  if (bill.length === 0) return null;
  const answers = await answersOf(tender.id, supplierOrganisationId);
  const reps = await activeReplacements(tender.id, [supplierOrganisationId]);
  const { offer } = offerOf(compileBill(scoringBill(bill)), bill, answers, new Map(reps.map((r) => [r.lineId, toLineReplacement(r)])));
  return { price: offer?.priceText ?? null, footprint: offer?.footprintText ?? null, replacements: await ownReplacements(tender.id, supplierOrganisationId), labels: new Map(bill.map((l) => [l.id, l.label])) };
}

// ---------------------------------------------------------------------------------------------
// Award: the winning lines become scope 3 activity data, once

/**
 * Called in the closing transaction when the buyer names a winner: each line of the winner's offer
 * becomes one activity line of the buying organisation for the closing year (quantity × the
 * supplier's factor, the spend in k€ for the monetary-ratio estimate beside it), with the tender,
 * the line, the factor version it was picked from and a French provenance note. The unique index
 * (tender, line, year) makes it happen once. Returns the number of lines carried.
 */
export async function carryAwardToScope3(tx: Tx, { tender, user, winner }: { tender: TenderRow; user: CurrentUser; winner: SupplierBillOffer }): Promise<number> {
  const method = publishedMethodOf(tender);
  const bill = method ? billOf(method) : [];
  if (!winner.offer || bill.length === 0) return 0;
  const year = new Date().getUTCFullYear();
  const replaced = new Map(winner.replacements.map((r) => [r.lineId, r]));
  const versionOf = new Map<number, { version: number; line: number }>();
  const ids = [...winner.answers.values()].map((a) => a.factorId).filter((x): x is number => x !== null);
  if (ids.length) {
    for (const r of await tx
          .select({ id: factors.id, version: factorSets.version, line: factors.line })
          .from(factors)
          .innerJoin(factorSets, eq(factorSets.id, factors.setId))
          .where(and(inArray(factors.id, ids), eq(factorSets.supplierOrganisationId, winner.organisationId))))
      versionOf.set(r.id, { version: r.version, line: r.line });
  }
  let carried = 0;
  await mapInOrder(bill, async (l, i) => {
    const a = winner.answers.get(l.id)!;
    const computed = winner.offer!.lines[i]!;
    const rep = replaced.get(l.id);
    const link = a.factorId !== null ? versionOf.get(a.factorId) : undefined;
    // A replaced line carries the factor it was scored with: the line's footprint per unit.
    const factorText = rep ? plainDecimal(computed.footprintGrams / 1000 / Number(l.quantity)) : a.factor!;
    const provenance = rep
      ? `appel d'offres « ${tender.title} », ligne ${l.id} : facteur remplacé par le ratio « ${rep.ratioLabel} » (${rep.ratioKgPerKEur.replace(".", ",")} kgCO2e/k€) — ${rep.justification}`
      : `appel d'offres « ${tender.title} », ligne ${l.id} : facteur de l'offre retenue${link ? ` (fichier de facteurs v${link.version}, ligne ${link.line})` : " (saisi dans le bordereau)"}, ${methodLabelOf(a.method)}, ${a.referenceYear}${a.verifiedBy ? `, vérifié par ${a.verifiedBy}` : ""}`;
    const res = await tx
          .insert(activityData)
          .values({
            organisationId: tender.organisationId,
            supplierOrganisationId: winner.organisationId,
            year,
            segment: l.segment ?? tender.segment,
            ghgCategory: l.ghgCategory ?? 1,
            item: l.label,
            spendKEur: computed.amountCents / 100000,
            quantity: Number(l.quantity),
            activityUnit: l.unit,
            createdBy: user.id,
            sourceTenderId: tender.id,
            sourceLineId: l.id,
            sourceFactorId: rep ? null : a.factorId,
            tenderFactorKgPerUnit: factorText,
            provenance,
          })
          .onConflictDoNothing();
    carried += affectedRows(res);
  });
  await audit(tx, {
        userId: user.id,
        organisationId: user.organisationId,
        action: "scope3.activity-from-tender",
        targetType: "tender",
        targetId: tender.id,
        details: { supplierOrganisationId: winner.organisationId, year, lines: carried, footprintKg: winner.offer.footprintText, priceEurHt: winner.offer.priceText },
      });
  return carried;
}
