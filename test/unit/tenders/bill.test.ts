import { describe, expect, it } from "vitest";
import { billOffer, compileBill } from "#scoring";
import { estimateLine, type ActivityLine } from "~/carbon/scope3";
import {
  answerPlausibility,
  answerQuality,
  decimalCell,
  filledBillCsvRows,
  matchFactors,
  parseBillCsv,
  parseFilledBillCsv,
  scoringBill,
  scoringResponse,
  validateAnswer,
  type BillAnswer,
  type FactorCandidate,
} from "~/tenders/bill";
import type { MethodBillLine } from "~/tenders/method";
import { toCsv } from "~/lib/csv";

const BOM = "\uFEFF";
const ratios = [
  { key: "postes-de-travail", label: "Machines et équipements", kgPerKEur: 273, ghgCategory: null, source: "test", year: 2023 },
  { key: "categorie-1", label: "Services", kgPerKEur: 75, ghgCategory: 1, source: "test", year: 2023 },
];

const bill: MethodBillLine[] = [
  { id: "L01", label: "Ordinateur portable 14 pouces", unit: "unit", quantity: "150", segment: "postes-de-travail", ghgCategory: 2 },
  { id: "L02", label: "Hébergement VM", unit: "hour", quantity: "8760.5", ghgCategory: 1 },
  { id: "L03", label: "Stockage", unit: "GB.month", quantity: "0.1" },
];

const answer = (lineId: string, unitPrice: string | null, factor: string | null, extra: Partial<BillAnswer> = {}): BillAnswer => ({
  lineId,
  unitPrice,
  factor,
  factorId: null,
  method: factor === null ? null : "lca-iso14040",
  source: null,
  referenceYear: factor === null ? null : 2024,
  verifiedBy: null,
  uncertaintyPct: null,
  ...extra,
});

describe("bill CSV reader (factor-file conventions)", () => {
  it("reads a French Excel export: BOM, `;`, decimal comma, thousands with spaces, quoted fields, CRLF, French unit spellings", () => {
    const text = `${BOM}id_ligne;Libellé;Unité;Quantité;segment;categorie_ghg\r\nL01;"Ordinateur; 14 pouces";pièce;"1 500";Postes de travail;2\r\nL02;Hébergement VM;heure;8760,5;;1\r\n\r\nL03;Stockage;Go.mois;0,1;;\r\n`;
    const r = parseBillCsv(text);
    expect(r.errors).toEqual([]);
    expect(r.lines).toEqual([
      { id: "L01", label: "Ordinateur; 14 pouces", unit: "unit", quantity: "1500", segment: "postes-de-travail", ghgCategory: 2 },
      { id: "L02", label: "Hébergement VM", unit: "hour", quantity: "8760.5", ghgCategory: 1 },
      { id: "L03", label: "Stockage", unit: "GB.month", quantity: "0.1" },
    ]);
  });

  it("reads a comma-separated English variant with a decimal point and English headers", () => {
    const r = parseBillCsv("id,label,unit,quantity\nA,Laptop,unit,12.5\nB,Energy,kWh,\"1,234.5\"\n");
    expect(r.errors).toEqual([]);
    expect(r.lines.map((l) => [l.unit, l.quantity])).toEqual([
      ["unit", "12.5"],
      ["kWh", "1234.5"],
    ]);
  });

  it("is all or nothing: every problem with its line and column, in French, and no line", () => {
    const text = "id_ligne;libelle;unite;quantite;categorie_ghg\nL01;Portable;pièce;-3;\nL01;Écran;MWh;abc;16\n;;unité;0;\nL04;Ok;unité;1;\n";
    const r = parseBillCsv(text);
    expect(r.lines).toEqual([]);
    const at = r.errors.map((e) => `${e.line}:${e.column}:${e.message}`);
    expect(at).toContain("2:quantite:quantité : « -3 » est négatif : un nombre positif ou nul est attendu");
    expect(at.some((m) => m.startsWith("3:unite:unité « MWh » inconnue"))).toBe(true);
    expect(at).toContain("3:quantite:quantité : « abc » n'est pas un nombre (exemple : 1 234,56)");
    expect(at).toContain("3:categorie_ghg:catégorie « 16 » : un entier de 1 à 15 est attendu");
    expect(at).toContain("4:id_ligne:l'identifiant de la ligne est obligatoire");
    expect(at).toContain("4:quantite:quantité : la valeur doit être strictement positive");
    // The duplicate is reported only when the line is otherwise valid; L01 on line 3 is not.
    expect(r.errors.every((e) => e.line >= 2)).toBe(true);
  });

  it("reports duplicate ids, missing columns, an empty file", () => {
    expect(parseBillCsv("id_ligne;libelle;unite;quantite\nA;x;unité;1\nA;y;unité;2\n").errors[0]).toMatchObject({ line: 3, column: "id_ligne", message: "identifiant en double (déjà utilisé ligne 2)" });
    expect(parseBillCsv("id_ligne;libelle;quantite\nA;x;1\n").errors[0]?.message).toBe("colonne obligatoire absente : ajoutez une colonne « unite »");
    expect(parseBillCsv("").errors[0]?.message).toBe("le fichier est vide");
    expect(parseBillCsv("id_ligne;libelle;unite;quantite\n").errors[0]?.message).toBe("le fichier ne contient aucune ligne de données après l'en-tête");
  });

  it("keeps decimals exact: a cell is stored as the decimal typed, never a float artefact", () => {
    expect(decimalCell("0,1", ",")).toEqual({ ok: true, value: "0.1" });
    expect(decimalCell("1 234,56", ",")).toEqual({ ok: true, value: "1234.56" });
    expect(decimalCell("1,5E-03", ",")).toEqual({ ok: true, value: "0.0015" });
    expect(decimalCell("12,500", ",")).toEqual({ ok: true, value: "12.5" });
    expect(decimalCell("12,500", ".")).toEqual({ ok: true, value: "12500" });
    expect(decimalCell("", ",")).toEqual({ ok: true, value: null });
  });
});

describe("the filled bill (supplier CSV)", () => {
  it("round-trips: download, fill in a spreadsheet, upload", () => {
    const answers = new Map([["L01", answer("L01", "899.9", "156.3", { verifiedBy: "Bureau Veritas", source: "ACV 2024" })]]);
    const csv = toCsv(filledBillCsvRows(bill, answers), { delimiter: ";", bom: true });
    expect(csv).toContain("L01;Ordinateur portable 14 pouces;unité;150;899,9;156,3;lca-iso14040;ACV 2024;2024;Bureau Veritas;");
    const filled = csv.replace("L02;Hébergement VM;heure;8760,5;;;;;;;", "L02;Hébergement VM;heure;8760,5;0,04;0,012;GHG-Product;mesure;2025;;5");
    const r = parseFilledBillCsv(filled, bill, 2026);
    expect(r.errors).toEqual([]);
    expect(r.answers.find((a) => a.lineId === "L02")).toMatchObject({ unitPrice: "0.04", factor: "0.012", method: "ghg-product", referenceYear: 2025, uncertaintyPct: "5" });
    expect(r.answers.find((a) => a.lineId === "L01")).toMatchObject({ unitPrice: "899.9", factor: "156.3", verifiedBy: "Bureau Veritas" });
  });

  it("refuses unknown or repeated lines and a factor without its method and year", () => {
    const r = parseFilledBillCsv("id_ligne;prix_unitaire_eur_ht;facteur_kgco2e_par_unite;methode;annee_reference\nZZ;1;1;other;2024\nL01;1;2;;\nL01;1;1;other;2024\nL02;1;1;magie;1990\n", bill, 2026);
    expect(r.answers).toEqual([]);
    expect(r.errors.map((e) => `${e.line}:${e.column}:${e.message}`)).toEqual([
      "2:id_ligne:la ligne « ZZ » n'existe pas dans le bordereau",
      "3:methode:indiquez la méthode du facteur d'émission",
      "3:annee_reference:indiquez l'année de référence du facteur d'émission",
      "4:id_ligne:ligne « L01 » en double (déjà ligne 3)",
      "5:methode:méthode « magie » inconnue (attendu : lca-iso14040, iso14067, ghg-product, pcr-ademe, monetary-ratio, other)",
      "5:annee_reference:année « 1990 » : une année de 2000 à 2026 est attendue",
    ]);
  });
});

describe("line matching with the supplier's uploaded factors", () => {
  const f = (id: number, item: string, activityUnit: string, version: number, line = id): FactorCandidate => ({
    id,
    setId: version,
    version,
    line,
    item,
    activityUnit,
    valueKgPerUnit: id * 10,
    method: "lca-iso14040",
    referenceYear: 2024,
    verifiedBy: null,
    source: null,
    uncertaintyPct: null,
  });

  it("keeps only the line's unit, puts the same item (case, accents, spaces ignored) first, newest version first", () => {
    const factors = [f(1, "Ordinateur portable 14 pouces", "k€", 2), f(2, "Écran", "unit", 2), f(3, "ordinateur  PORTABLE 14 pouces", "unit", 1), f(4, "Ordinateur portable 14 pouces", "unit", 2)];
    const m = matchFactors(bill[0]!, factors);
    expect(m.candidates.map((c) => c.id)).toEqual([4, 3, 2]);
    expect(m.exact?.id).toBe(4);
  });

  it("offers candidates but no exact match when no item is the line's", () => {
    const m = matchFactors(bill[0]!, [f(2, "Écran", "unit", 1)]);
    expect(m.exact).toBeNull();
    expect(m.candidates).toHaveLength(1);
    expect(matchFactors(bill[1]!, [f(2, "Hébergement VM", "kWh", 1)]).candidates).toEqual([]);
  });
});

describe("sums, replacement rule, quality and plausibility", () => {
  const compiled = compileBill(scoringBill(bill));
  const answers = new Map([
    ["L01", answer("L01", "899.99", "156.3")],
    ["L02", answer("L02", "0.045", "0.0123")],
    ["L03", answer("L03", "0.333", "0.0005")],
  ]);

  it("adds up exactly to the cent and the gram (no float drift)", () => {
    const r = scoringResponse(bill, answers);
    if (!r.ok) throw new Error("incomplete");
    const offer = billOffer(compiled, r.response);
    // 150 × 899.99 = 134998.50 ; 8760.5 × 0.045 = 394.2225 → 394.22 ; 0.1 × 0.333 = 0.0333 → 0.03
    expect(offer.lines.map((l) => l.amountCents)).toEqual([13499850, 39422, 3]);
    expect(offer.priceText).toBe("135392.75");
    // 150 × 156.3 = 23445 kg ; 8760.5 × 0.0123 = 107.75415 → 107.754 ; 0.1 × 0.0005 = 0.00005 kg = 0.05 g → 0 g (half up to the gram)
    expect(offer.lines.map((l) => l.footprintGrams)).toEqual([23445000, 107754, 0]);
    expect(offer.footprintText).toBe("23552.754");
  });

  it("is incomplete until every line has a price and a complete factor", () => {
    const partial = new Map(answers);
    partial.set("L02", answer("L02", "0.045", "0.0123", { method: null }));
    partial.delete("L03");
    expect(scoringResponse(bill, partial)).toEqual({ ok: false, incomplete: ["L02", "L03"] });
  });

  it("replacement rule: the line's footprint becomes its amount in k€ × the reference ratio, whatever the supplier's factor", () => {
    const r = scoringResponse(bill, answers, new Map([["L01", { lineId: "L01", ratioKgPerKEur: "273", justification: "facteur non étayé" }]]));
    if (!r.ok) throw new Error("incomplete");
    const offer = billOffer(compiled, r.response);
    // 134998.50 € = 134.9985 k€ × 273 = 36854.5905 kg
    expect(offer.lines[0]).toMatchObject({ footprintGrams: 36854591, replaced: true });
    expect(offer.footprintText).toBe("36962.345");
    // A replaced line needs no factor from the supplier.
    const noFactor = new Map(answers);
    noFactor.set("L01", answer("L01", "899.99", null));
    expect(scoringResponse(bill, noFactor, new Map([["L01", { lineId: "L01", ratioKgPerKEur: "273", justification: "absent" }]])).ok).toBe(true);
  });

  it("grades the factor like an uploaded one and flags it against line price × ratio", () => {
    expect(answerQuality(answer("L01", "899.99", "156.3", { verifiedBy: "Tiers" }), 2025)?.grade).toBe("A");
    // 156.3 kg for 0.89999 k€ = 173.7 kg/k€ vs 273: plausible.
    expect(answerPlausibility(bill[0]!, answers.get("L01")!, ratios)).toMatchObject({ flagged: false });
    // 1 kg for 0.89999 k€ = 1.1 kg/k€: more than ten times below.
    expect(answerPlausibility(bill[0]!, answer("L01", "899.99", "1"), ratios)).toMatchObject({ flagged: true });
    // No segment: the category's ratio (75 kg/k€): 0.0123 kg for 0.000045 k€ = 273 kg/k€, plausible.
    expect(answerPlausibility(bill[1]!, answers.get("L02")!, ratios)?.reference?.key).toBe("categorie-1");
    expect(answerPlausibility(bill[2]!, answers.get("L03")!, ratios)).toMatchObject({ flagged: false, reference: null });
  });

  it("validates a typed answer with French messages per field", () => {
    const { issues } = validateAnswer("L01", { unitPrice: "12,5 €", factor: "3", method: "", referenceYear: "" }, ",", 2026);
    expect(issues.map((i) => i.field)).toEqual(["unitPrice", "method", "referenceYear"]);
  });
});

describe("scope 3: a line carried from an awarded tender", () => {
  it("uses the tender's factor first, with its provenance, beside the monetary estimate", () => {
    const line: ActivityLine = {
      id: 1,
      supplierOrganisationId: 9,
      supplierName: "S",
      year: 2026,
      segment: "postes-de-travail",
      ghgCategory: 2,
      item: "Ordinateur portable 14 pouces",
      spendKEur: 134.9985,
      quantity: 150,
      activityUnit: "unit",
      tenderFactorKgPerUnit: 156.3,
      provenance: "appel d'offres « X », ligne L01",
    };
    const e = estimateLine(line, [], ratios);
    expect(e.basis).toBe("tender-factor");
    expect(e.specificKg).toBeCloseTo(23445, 6);
    expect(e.monetaryKg).toBeCloseTo(134.9985 * 273, 6);
    expect(e.note).toContain("ligne L01");
  });
});
