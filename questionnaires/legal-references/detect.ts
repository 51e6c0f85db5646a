/**
 * Finding legal references in French content text, and checking that each one is traceable.
 *
 * What counts as a legal reference (the content test relies on this definition):
 * 1. a numbered French text: « loi », « décret » or « ordonnance », optionally « n° », then `AAAA-NNN`
 *    (« décret n° 2024-134 », « loi 2020-105 »);
 * 2. an arrêté by date: « arrêté(s) du 22 mars 2019 »;
 * 3. a law by its usual name: « loi AGEC », « loi REEN », « loi Climat et Résilience », « loi … devoir de vigilance »;
 * 4. an article of a code: `L`, `R` or `D` followed by digits and at least one dash part (« L2152-7 »,
 *    « R543-172 », « art. R. 2111-12 »); its code is the first code named after it in the same sentence
 *    (« … R2111-17 du code de la commande publique »), else the last code named before it in the same text;
 *    an article whose code cannot be found this way is itself a problem;
 * 5. an EU act: « règlement », « directive » or « décision », optionally « délégué » / « d'exécution », optionally
 *    « (UE) », « (CE) », « (CEE) », optionally « n° », then `AAAA/N`, `N/AAAA` or `AAAA/N/UE`; and the named acts
 *    « RGPD » and « CSRD »;
 * 6. a Conseil d'État decision: « CE » or « Conseil d'État » followed, in the same clause, by « n° » and 5–6 digits.
 * Standards (ISO, EN, IEC) are not legal references: they are identified by their number and accepted
 * « ou équivalent » (a separate clausier test).
 *
 * A reference is traceable when it resolves to a registry entry that has a source link, or when the text
 * itself marks it « à vérifier » after the reference, in the same sentence. A repealed text is never
 * acceptable (even marked).
 */
import { getLegalText, type LegalText } from "./registry";

export interface LegalReferenceMatch {
  /** Registry key the reference resolves to (e.g. `decret:2024-134`, `code:ccp`), or null for an article whose code is unknown. */
  readonly key: string | null;
  /** The matched text, as written. */
  readonly raw: string;
  readonly start: number;
  readonly end: number;
  /** For code articles: the article number as written, normalised (`R2111-12`). */
  readonly article?: string;
  /** True when « à vérifier » follows the reference in the same sentence. */
  readonly markedToVerify: boolean;
}

const MONTHS: Readonly<Record<string, string>> = {
  janvier: "01", février: "02", fevrier: "02", mars: "03", avril: "04", mai: "05", juin: "06", juillet: "07",
  août: "08", aout: "08", septembre: "09", octobre: "10", novembre: "11", décembre: "12", decembre: "12",
};

const NUMBERED_FR = /\b(lois?|décrets?|ordonnances?)\s+(?:organique\s+)?(?:n[°o]\s*)?(\d{2,4}-\d{1,4})\b/giu;
const ARRETE = /\barrêtés?\s+du\s+(1er|\d{1,2})\s+(janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|novembre|décembre|decembre)\s+(\d{4})/giu;
const NAMED_LAW = /\bloi\s+(?:dite\s+)?(?:«\s*)?(AGEC|REEN|Climat[\s-]+et[\s-]+Résilience|Climat-Résilience)\b|\bloi\s+(?:n°\s*2017-399\s+)?(?:du\s+27\s+mars\s+2017\s+)?(?:relative\s+au|sur\s+le)\s+devoir\s+de\s+vigilance/giu;
const NAMED_LAW_KEYS: Readonly<Record<string, string>> = {
  agec: "loi:2020-105",
  reen: "loi:2021-1485",
  "climat et résilience": "loi:2021-1104",
  "climat-résilience": "loi:2021-1104",
};
const ARTICLE = /\b([LRD])\.?\s?(\d{3,4}(?:-\d+)+)\b/gu;
const EU_ACT =
  /\b(règlements?|directives?|décisions?)\s+(?:délégués?\s+|d['’]exécution\s+)?(?:\((UE|CE|CEE|Euratom)\)\s*)?(?:n[°o]\s*)?(\d{1,4})\/(\d{1,4})(?:\/(UE|CE|CEE))?\b/giu;
const NAMED_EU = /\b(RGPD|CSRD)\b/gu;
const NAMED_EU_KEYS: Readonly<Record<string, string>> = { RGPD: "eu:reg:2016/679", CSRD: "eu:dir:2022/2464" };
const CE_DECISION = /\b(?:CE|Conseil d['’]État)\b[^.;]{0,80}?n°\s*(\d{5,6})\b/gu;

const CODE_NAMES: readonly [RegExp, string][] = [
  [/code de la commande publique|\bCCP\b/giu, "code:ccp"],
  [/code de l['’]environnement/giu, "code:env"],
  [/code de la consommation/giu, "code:conso"],
  [/code général de la propriété des personnes publiques|\bCGPPP\b/giu, "code:cgppp"],
  [/code du travail/giu, "code:travail"],
  [/code des marchés publics/giu, "code:cmp"],
];

/** End of the sentence that contains `from`: a `.`, `!` or `?` followed by a space and a capital, not after « art » or « n° ». */
function sentenceEnd(text: string, from: number): number {
  const re = /[.!?](?=\s+[A-ZÀÂÉÈÊÎÔÙÛÇ«]|\s*$)|;/gu;
  re.lastIndex = from;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const before = text.slice(Math.max(0, m.index - 4), m.index);
    if (m[0] === "." && /(?:\bart|\bn°|\bp|\bcf|\bex|\bal)$/iu.test(before)) continue;
    return m.index;
  }
  return text.length;
}

function markedAfter(text: string, end: number): boolean {
  return /à vérifier/iu.test(text.slice(end, sentenceEnd(text, end)));
}

function codeMentions(text: string): { index: number; key: string }[] {
  const out: { index: number; key: string }[] = [];
  for (const [re, key] of CODE_NAMES) {
    re.lastIndex = 0;
    for (const m of text.matchAll(re)) out.push({ index: m.index, key });
  }
  return out.sort((a, b) => a.index - b.index);
}

function normaliseEuAct(kindWord: string, a: string, b: string, trailing: string | undefined): string {
  const kind = kindWord.toLowerCase().startsWith("règlement") ? "reg" : kindWord.toLowerCase().startsWith("directive") ? "dir" : "dec";
  const isYear = (s: string) => s.length === 4 && Number(s) >= 1950 && Number(s) <= 2035;
  // « 2011/65/UE » (year first), « n° 1907/2006 » (number first), « (UE) 2019/424 » (year first).
  const yearFirst = trailing !== undefined || !isYear(b) || (isYear(a) && !isYear(b));
  const [year, number] = yearFirst ? [a, b] : [b, a];
  return `eu:${kind}:${year}/${String(Number(number))}`;
}

/** Every legal reference of `text`, in order of appearance (see the module comment for the definition). */
export function findLegalReferences(text: string): LegalReferenceMatch[] {
  const found: LegalReferenceMatch[] = [];
  const push = (key: string | null, m: RegExpMatchArray, article?: string) => {
    const start = m.index ?? 0;
    const end = start + m[0].length;
    found.push({ key, raw: m[0], start, end, ...(article ? { article } : {}), markedToVerify: markedAfter(text, end) });
  };

  for (const m of text.matchAll(NUMBERED_FR)) {
    const word = (m[1] ?? "").toLowerCase();
    const type = word.startsWith("loi") ? "loi" : word.startsWith("décret") ? "decret" : "ordonnance";
    push(`${type}:${m[2] ?? ""}`, m);
  }
  for (const m of text.matchAll(ARRETE)) {
    const day = m[1] === "1er" ? "01" : (m[1] ?? "").padStart(2, "0");
    push(`arrete:${m[3] ?? ""}-${MONTHS[(m[2] ?? "").toLowerCase()] ?? "00"}-${day}`, m);
  }
  for (const m of text.matchAll(NAMED_LAW)) {
    const name = (m[1] ?? "").toLowerCase().replace(/\s+/gu, " ");
    push(m[1] === undefined ? "loi:2017-399" : (NAMED_LAW_KEYS[name] ?? null), m);
  }
  for (const m of text.matchAll(EU_ACT)) push(normaliseEuAct(m[1] ?? "", m[3] ?? "", m[4] ?? "", m[5]), m);
  for (const m of text.matchAll(NAMED_EU)) push(NAMED_EU_KEYS[m[1] ?? ""] ?? null, m);
  for (const m of text.matchAll(CE_DECISION)) push(`ce:${m[1] ?? ""}`, m);

  const codes = codeMentions(text);
  for (const m of text.matchAll(ARTICLE)) {
    const start = m.index;
    const end = start + m[0].length;
    // An EU act number such as « 2019/424 » never matches (no dash); a French text number « 2024-134 » is
    // preceded by its type word and has no L/R/D letter, so it does not either.
    const stop = sentenceEnd(text, end);
    const after = codes.find((c) => c.index >= end && c.index < stop);
    const before = [...codes].reverse().find((c) => c.index < start);
    push(after?.key ?? before?.key ?? null, m, `${m[1] ?? ""}${m[2] ?? ""}`);
  }
  return found.sort((a, b) => a.start - b.start);
}

export interface LegalReferenceProblem {
  readonly raw: string;
  readonly key: string | null;
  readonly message: string;
}

/**
 * Problems of the legal references of `text`: unknown code, repealed text, or no source link and no
 * « à vérifier » mark. An empty list means every reference is traceable.
 */
export function legalReferenceProblems(text: string): LegalReferenceProblem[] {
  const problems: LegalReferenceProblem[] = [];
  for (const ref of findLegalReferences(text)) {
    if (ref.key === null) {
      problems.push({ raw: ref.raw, key: null, message: `« ${ref.raw} » : code non précisé (nommer le code dans la phrase)` });
      continue;
    }
    const entry = getLegalText(ref.key);
    if (entry?.status === "repealed") {
      problems.push({ raw: ref.raw, key: ref.key, message: `« ${ref.raw} » : texte abrogé (${entry.note ?? entry.label})` });
      continue;
    }
    if (!entry?.url && !ref.markedToVerify) {
      problems.push({
        raw: ref.raw,
        key: ref.key,
        message: entry
          ? `« ${ref.raw} » : aucune source vérifiée enregistrée ; ajouter « à vérifier » dans la phrase`
          : `« ${ref.raw} » : texte absent du registre (questionnaires/legal-references/registry.ts) et non marqué « à vérifier »`,
      });
    }
  }
  return problems;
}

export interface LegalSource {
  /** As written in the text (first occurrence). */
  readonly citation: string;
  readonly key: string;
  readonly label: string;
  readonly url: string | null;
  /** True when the text marks the reference « à vérifier ». */
  readonly toVerify: boolean;
}

/**
 * The distinct legal texts cited by `texts`, with their source link, for display next to the content
 * (« Sources juridiques »). References without a registry entry appear with `url: null`.
 */
export function legalSourcesOf(...texts: readonly (string | undefined | null)[]): LegalSource[] {
  const byKey = new Map<string, LegalSource>();
  for (const text of texts) {
    if (!text) continue;
    for (const ref of findLegalReferences(text)) {
      if (ref.key === null || byKey.has(ref.key)) continue;
      const entry: LegalText | undefined = getLegalText(ref.key);
      byKey.set(ref.key, {
        citation: ref.article ? `${ref.raw.trim()} (${entry?.label ?? ref.key})` : ref.raw.trim(),
        key: ref.key,
        label: entry?.label ?? ref.raw.trim(),
        url: entry?.url ?? null,
        toVerify: ref.markedToVerify || !entry?.url,
      });
    }
  }
  return [...byKey.values()];
}
