/**
 * The supplier's side of the bill of quantities (issue 12): its own answers per line, read and
 * written with the acting organisation only, the factors of its own uploaded versions, the CSV of
 * its filled bill. The bill itself, the computed offers and their cache are `~/tenders/bill.server`.
 */
import type { CurrentUser } from "~/auth/session.server";
import { audit } from "~/lib/audit.server";
import { toCsv } from "~/lib/csv";
import { db, transaction } from "~/lib/db.server";
import { notFound } from "~/lib/errors";
import {
  answerComplete,
  answerFromFactor,
  answerQuality,
  billUnitLabel,
  filledBillCsvRows,
  matchFactors,
  parseFilledBillCsv,
  plainDecimal,
  scoringBill,
  validateAnswer,
  type AnswerInput,
  type BillAnswer,
} from "~/tenders/bill";
import { answersOf, billOf, decodeCsv, offerOf, ownFactorCandidates, writeAnswers, type BillImportResult } from "~/tenders/bill.server";
import { compileBill, formatCents, formatGrams } from "#scoring";
import { closedReason, requireOpenTender, requireSupplierTender } from "./access.server";


/** The supplier's bill page: lines with its own answers, the matching factors of its own versions, its computed offer. */
export async function supplierBillPage({ user, tenderId }: { user: CurrentUser; tenderId: number }) {
  const t = await requireSupplierTender(db(), { user, tenderId });
  const bill = billOf(t.method);
  if (bill.length === 0) throw notFound("Cette consultation n'a pas de bordereau de prix.");
  const answers = await answersOf(t.tender.id, user.organisationId);
  const candidates = await ownFactorCandidates(user.organisationId, [...new Set(bill.map((l) => l.unit))]);
  const compiled = compileBill(scoringBill(bill));
  const { offer, incomplete } = offerOf(compiled, bill, answers, new Map());
  const year = new Date().getFullYear();
  return {
    tender: { id: t.tender.id, title: t.tender.title, buyerName: t.buyerName },
    closedReason: closedReason(t.tender),
    totals: offer ? { price: offer.priceText, footprint: offer.footprintText } : null,
    incomplete: incomplete.length,
    lines: bill.map((l, i) => {
      const a = answers.get(l.id) ?? null;
      const match = matchFactors(l, candidates);
      const q = a ? answerQuality(a, year) : null;
      const computed = offer?.lines[i];
      return {
        ...l,
        unitLabel: billUnitLabel(l.unit),
        answer: a,
        complete: answerComplete(a ?? undefined),
        quality: q ? { grade: q.grade, score: q.score } : null,
        amount: computed ? formatCents(computed.amountCents) : null,
        footprint: computed ? formatGrams(computed.footprintGrams) : null,
        options: match.candidates.slice(0, 30).map((f) => ({ id: f.id, label: `${f.item} — ${plainDecimal(f.valueKgPerUnit).replace(".", ",")} kgCO2e/${billUnitLabel(f.activityUnit)} (v${f.version}, ligne ${f.line})` })),
        exactFactorId: match.exact?.id ?? null,
      };
    }),
  };
}

export type SupplierLineInput = AnswerInput & { factorChoice?: string };


export type SaveAnswersResult = { ok: true; saved: number } | { ok: false; errors: { lineId: string; field: string; message: string }[] };

/**
 * Saves the form: every line validated, all saved or none. `factorChoice` is the id of a factor of
 * one of the organisation's own versions (any other id is refused as unknown), or empty when the
 * factor is typed in.
 */
export async function saveSupplierAnswers({ user, tenderId, lines }: { user: CurrentUser; tenderId: number; lines: Record<string, SupplierLineInput> }): Promise<SaveAnswersResult> {
  const t = await requireSupplierTender(db(), { user, tenderId });
  requireOpenTender(t);
  const bill = billOf(t.method);
  const candidates = await ownFactorCandidates(user.organisationId, [...new Set(bill.map((l) => l.unit))]);
  const errors: { lineId: string; field: string; message: string }[] = [];
  const out: BillAnswer[] = [];
  for (const l of bill) {
    const input = lines[l.id];
    if (!input) continue;
    const choice = (input.factorChoice ?? "").trim();
    if (choice !== "") {
      const f = candidates.find((c) => String(c.id) === choice && c.activityUnit === l.unit);
      if (!f) {
        errors.push({ lineId: l.id, field: "factorChoice", message: "facteur inconnu ou dans une autre unité que la ligne" });
        continue;
      }
      const { answer, issues } = validateAnswer(l.id, { unitPrice: input.unitPrice });
      for (const i of issues) errors.push({ lineId: l.id, field: i.field, message: i.message });
      out.push(answerFromFactor(answer, f));
      continue;
    }
    const { answer, issues } = validateAnswer(l.id, input);
    for (const i of issues) errors.push({ lineId: l.id, field: i.field, message: i.message });
    out.push(answer);
  }
  if (errors.length > 0) return { ok: false, errors };
  await transaction(async (tx) => {
        await writeAnswers(tx, user, t.tender, out);
        await audit(tx, { userId: user.id, organisationId: user.organisationId, action: "bill.answers-save", targetType: "tender", targetId: t.tender.id, details: { lines: out.length } });
      });
  return { ok: true, saved: out.length };
}

/** Fills every line without a factor from the organisation's factors matching by item and unit. */
export async function fillFromOwnFactors({ user, tenderId }: { user: CurrentUser; tenderId: number }): Promise<number> {
  const t = await requireSupplierTender(db(), { user, tenderId });
  requireOpenTender(t);
  const bill = billOf(t.method);
  const answers = await answersOf(t.tender.id, user.organisationId);
  const candidates = await ownFactorCandidates(user.organisationId, [...new Set(bill.map((l) => l.unit))]);
  const out: BillAnswer[] = [];
  for (const l of bill) {
    const a = answers.get(l.id);
    if (a?.factor != null) continue;
    const { exact } = matchFactors(l, candidates);
    if (!exact) continue;
    const base: BillAnswer = a ?? { lineId: l.id, unitPrice: null, factor: null, factorId: null, method: null, source: null, referenceYear: null, verifiedBy: null, uncertaintyPct: null };
    out.push(answerFromFactor(base, exact));
  }
  if (out.length > 0) {
    await transaction(async (tx) => {
            await writeAnswers(tx, user, t.tender, out);
            await audit(tx, { userId: user.id, organisationId: user.organisationId, action: "bill.answers-fill-from-factors", targetType: "tender", targetId: t.tender.id, details: { lines: out.map((a) => ({ lineId: a.lineId, factorId: a.factorId })) } });
          });
  }
  return out.length;
}

/** Imports a filled bill CSV: every line valid, or nothing saved. Typed factors (no link). */
export async function importFilledBill({ user, tenderId, bytes, fileName }: { user: CurrentUser; tenderId: number; bytes: Uint8Array; fileName: string }): Promise<BillImportResult> {
  const t = await requireSupplierTender(db(), { user, tenderId });
  requireOpenTender(t);
  const decoded = decodeCsv(bytes);
  if (!decoded.ok) return { ok: false, errors: decoded.errors, warnings: [] };
  const parsed = parseFilledBillCsv(decoded.text, billOf(t.method));
  if (parsed.errors.length > 0) return { ok: false, errors: parsed.errors, warnings: parsed.warnings };
  // A line whose factor is unchanged keeps its link to the uploaded factor it came from.
  const before = await answersOf(t.tender.id, user.organisationId);
  const answers = parsed.answers.map((a) => {
    const prev = before.get(a.lineId);
    return prev?.factorId != null && prev.factor === a.factor && prev.method === a.method && prev.referenceYear === a.referenceYear ? { ...a, factorId: prev.factorId } : a;
  });
  await transaction(async (tx) => {
        await writeAnswers(tx, user, t.tender, answers);
        await audit(tx, { userId: user.id, organisationId: user.organisationId, action: "bill.answers-import", targetType: "tender", targetId: t.tender.id, details: { fileName, lines: answers.length } });
      });
  return { ok: true, imported: answers.length, warnings: parsed.warnings };
}

export async function filledBillCsv({ user, tenderId }: { user: CurrentUser; tenderId: number }): Promise<{ csv: string; filename: string }> {
  const t = await requireSupplierTender(db(), { user, tenderId });
  const bill = billOf(t.method);
  if (bill.length === 0) throw notFound("Cette consultation n'a pas de bordereau de prix.");
  return { csv: toCsv(filledBillCsvRows(bill, await answersOf(t.tender.id, user.organisationId)), { delimiter: ";", bom: true }), filename: `bordereau-${t.tender.reference || t.tender.id}-rempli.csv` };
}

