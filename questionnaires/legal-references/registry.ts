/**
 * Registry of the legal texts the content cites (guide, clausier, offer-criteria catalogue), with their
 * official source link. Content as data, zod-validated at load.
 *
 * A reference found in a text (see ./detect.ts) resolves to one entry here by its key:
 * - French numbered texts: `loi:2020-105`, `decret:2024-134`, `ordonnance:2015-899`;
 * - arrêtés (no number): `arrete:2019-03-22` (date of signature);
 * - codes: `code:ccp`, `code:env`… (a cited article `R2111-12` resolves to its code);
 * - EU acts: `eu:reg:2019/424`, `eu:dir:2011/65` (year/number) — their EUR-Lex link is derived from the
 *   CELEX number, so entries only give label and status;
 * - Conseil d'État decisions: `ce:417580`.
 *
 * Where the links come from (checked while writing this file, see docs/decisions/012-guide-2026-edition.md):
 * - Légifrance JORF/LODA ids of lois AGEC, Climat et Résilience, REEN, devoir de vigilance, loi 2005-102,
 *   arrêté du 22 mars 2019, décret 2021-254 (shared/reference/purchasing-segments-and-clauses.md, Sources)
 *   and CE 417580 (marche-public.fr page of the decision, which links to Légifrance): ids seen in several
 *   independent public sources.
 * - Décrets 2023-266, 2024-134, 2022-767, 2019-768: Légifrance ELI alias by number
 *   (`/eli/decret/<year>/<month>/<day>/<number>/jo/texte`), the form Légifrance itself prints for
 *   décret 2023-266; dates from the texts' titles.
 * - Codes: Légifrance LEGITEXT ids of each code (the link opens the code; the article number is in the text).
 * - EU acts: EUR-Lex by CELEX number (3 + year + R|L + number on four digits).
 * An entry with `url: null` has no checked link: every citation of it must carry « à vérifier » in the text.
 */
import { z } from "zod";

export const legalTextKinds = ["loi", "decret", "ordonnance", "arrete", "code", "eu-regulation", "eu-directive", "eu-decision", "decision-ce"] as const;
export type LegalTextKind = (typeof legalTextKinds)[number];

export const LEGAL_KEY_PATTERN = /^(?:(?:loi|decret|ordonnance):\d{2,4}-\d{1,4}|arrete:\d{4}-\d{2}-\d{2}|code:[a-z]+|eu:(?:reg|dir|dec):\d{4}\/\d{1,4}|ce:\d{5,6})$/;

const frenchText = z.string().regex(/\S/, "Texte vide");

export const legalTextSchema = z
  .strictObject({
    key: z.string().regex(LEGAL_KEY_PATTERN, "Clé de texte juridique invalide"),
    kind: z.enum(legalTextKinds),
    /** French label, as printed next to a citation. */
    label: frenchText,
    /** Official source (Légifrance, EUR-Lex); null when no checked link exists yet. */
    url: z.url({ protocol: /^https$/ }).nullable(),
    /** `repealed` texts may not be cited by content (test). */
    status: z.enum(["in-force", "repealed"]),
    /** Key of the text that repealed and replaced it. */
    repealedBy: z.string().regex(LEGAL_KEY_PATTERN).optional(),
    /** Short French note (what the text covers, who it binds). */
    note: frenchText.optional(),
  })
  .superRefine((t, ctx) => {
    if (t.status === "repealed" && !t.repealedBy && t.kind !== "code") {
      ctx.addIssue({ code: "custom", message: `${t.key} : texte abrogé sans texte de remplacement`, path: ["repealedBy"] });
    }
    if (t.status === "in-force" && t.repealedBy) {
      ctx.addIssue({ code: "custom", message: `${t.key} : « repealedBy » réservé aux textes abrogés`, path: ["repealedBy"] });
    }
  });
export type LegalText = z.output<typeof legalTextSchema>;
type LegalTextInput = z.input<typeof legalTextSchema>;

const LEGIFRANCE = "https://www.legifrance.gouv.fr";

/** EUR-Lex link of an EU act from its key (`eu:reg:2019/424` → CELEX 32019R0424). */
export function eurLexUrl(key: string): string | null {
  const m = /^eu:(reg|dir|dec):(\d{4})\/(\d{1,4})$/.exec(key);
  if (!m) return null;
  const letter = m[1] === "reg" ? "R" : m[1] === "dir" ? "L" : "D";
  return `https://eur-lex.europa.eu/legal-content/FR/TXT/?uri=CELEX:3${m[2]}${letter}${(m[3] ?? "").padStart(4, "0")}`;
}

function eu(kind: "reg" | "dir" | "dec", yearNumber: string, label: string, extra: Partial<LegalTextInput> = {}): LegalTextInput {
  const key = `eu:${kind}:${yearNumber}`;
  return {
    key,
    kind: kind === "reg" ? "eu-regulation" : kind === "dir" ? "eu-directive" : "eu-decision",
    label,
    url: eurLexUrl(key),
    status: "in-force",
    ...extra,
  };
}

const registryData: LegalTextInput[] = [
  // ----------------------------------------------------------------------------------------------
  // French laws
  {
    key: "loi:2020-105",
    kind: "loi",
    label: "Loi n° 2020-105 du 10 février 2020 relative à la lutte contre le gaspillage et à l'économie circulaire (AGEC)",
    url: `${LEGIFRANCE}/jorf/id/JORFTEXT000041553759`,
    status: "in-force",
  },
  {
    key: "loi:2021-1104",
    kind: "loi",
    label: "Loi n° 2021-1104 du 22 août 2021 portant lutte contre le dérèglement climatique et renforcement de la résilience face à ses effets (« Climat et Résilience »)",
    url: `${LEGIFRANCE}/jorf/id/JORFTEXT000043956924`,
    status: "in-force",
  },
  {
    key: "loi:2021-1485",
    kind: "loi",
    label: "Loi n° 2021-1485 du 15 novembre 2021 visant à réduire l'empreinte environnementale du numérique en France (REEN)",
    url: `${LEGIFRANCE}/jorf/id/JORFTEXT000044327272`,
    status: "in-force",
    note: "Art. 15 : indice de réparabilité ou de durabilité pris en compte dans les achats publics ; art. 16 : réemploi des matériels informatiques réformés par l'État et les collectivités (décret n° 2023-266).",
  },
  {
    key: "loi:2017-399",
    kind: "loi",
    label: "Loi n° 2017-399 du 27 mars 2017 relative au devoir de vigilance des sociétés mères et des entreprises donneuses d'ordre",
    url: `${LEGIFRANCE}/jorf/id/JORFTEXT000034290626`,
    status: "in-force",
  },
  {
    key: "loi:2005-102",
    kind: "loi",
    label: "Loi n° 2005-102 du 11 février 2005 pour l'égalité des droits et des chances, la participation et la citoyenneté des personnes handicapées (art. 47 : accessibilité numérique)",
    url: `${LEGIFRANCE}/jorf/id/JORFTEXT000000809647`,
    status: "in-force",
  },

  // ----------------------------------------------------------------------------------------------
  // French decrees and orders
  {
    key: "decret:2024-134",
    kind: "decret",
    label: "Décret n° 2024-134 du 21 février 2024 relatif à l'obligation d'acquisition par la commande publique de biens issus du réemploi ou de la réutilisation ou intégrant des matières recyclées",
    url: `${LEGIFRANCE}/eli/decret/2024/2/21/2024-134/jo/texte`,
    status: "in-force",
    note: "En vigueur le 1er juillet 2024 ; vise l'État, les collectivités territoriales et leurs groupements ; distingue la part issue du réemploi ou de la réutilisation et la part intégrant des matières recyclées, avec des taux croissants (2024, 2027, 2030).",
  },
  {
    key: "decret:2021-254",
    kind: "decret",
    label: "Décret n° 2021-254 du 9 mars 2021 (parts minimales de biens issus du réemploi ou intégrant des matières recyclées)",
    url: `${LEGIFRANCE}/jorf/id/JORFTEXT000043231546`,
    status: "repealed",
    repealedBy: "decret:2024-134",
    note: "Abrogé par le décret n° 2024-134 à compter du 1er juillet 2024.",
  },
  {
    key: "decret:2023-266",
    kind: "decret",
    label: "Décret n° 2023-266 du 12 avril 2023 fixant les objectifs et modalités de réemploi et de réutilisation des matériels informatiques réformés par l'État et les collectivités territoriales",
    url: `${LEGIFRANCE}/eli/decret/2023/4/12/2023-266/jo/texte`,
    status: "in-force",
  },
  {
    key: "decret:2022-767",
    kind: "decret",
    label: "Décret n° 2022-767 du 2 mai 2022 portant diverses modifications du code de la commande publique",
    url: `${LEGIFRANCE}/eli/decret/2022/5/2/2022-767/jo/texte`,
    status: "in-force",
    note: "Fixe au 21 août 2026 l'application du critère environnemental obligatoire (art. L2152-7 du code de la commande publique).",
  },
  {
    key: "decret:2019-768",
    kind: "decret",
    label: "Décret n° 2019-768 du 24 juillet 2019 relatif à l'accessibilité aux personnes handicapées des services de communication au public en ligne",
    url: `${LEGIFRANCE}/eli/decret/2019/7/24/2019-768/jo/texte`,
    status: "in-force",
  },
  {
    key: "ordonnance:2015-899",
    kind: "ordonnance",
    label: "Ordonnance n° 2015-899 du 23 juillet 2015 relative aux marchés publics",
    url: null,
    status: "repealed",
    repealedBy: "code:ccp",
    note: "Abrogée par le code de la commande publique (1er avril 2019).",
  },
  {
    key: "decret:2016-360",
    kind: "decret",
    label: "Décret n° 2016-360 du 25 mars 2016 relatif aux marchés publics",
    url: null,
    status: "repealed",
    repealedBy: "code:ccp",
    note: "Abrogé par le code de la commande publique (1er avril 2019).",
  },
  {
    key: "arrete:2019-03-22",
    kind: "arrete",
    label: "Arrêté du 22 mars 2019 fixant la liste des renseignements et documents pouvant être demandés aux candidats aux marchés publics",
    url: `${LEGIFRANCE}/loda/id/JORFTEXT000038318577`,
    status: "in-force",
  },
  {
    key: "arrete:2024-02-29",
    kind: "arrete",
    label: "Arrêtés du 29 février 2024 pris pour l'application du décret n° 2024-134 (liste des produits de chaque catégorie ; valeur forfaitaire des dons)",
    url: null,
    status: "in-force",
    note: "Référence relevée dans des commentaires publics (lawful-award-criteria.md §5) ; texte non consulté.",
  },

  // ----------------------------------------------------------------------------------------------
  // Codes (a cited article resolves to its code; the link opens the consolidated code on Légifrance)
  {
    key: "code:ccp",
    kind: "code",
    label: "Code de la commande publique",
    url: `${LEGIFRANCE}/codes/texte_lc/LEGITEXT000037701019`,
    status: "in-force",
  },
  {
    key: "code:env",
    kind: "code",
    label: "Code de l'environnement",
    url: `${LEGIFRANCE}/codes/texte_lc/LEGITEXT000006074220`,
    status: "in-force",
  },
  {
    key: "code:conso",
    kind: "code",
    label: "Code de la consommation",
    url: `${LEGIFRANCE}/codes/texte_lc/LEGITEXT000006069565`,
    status: "in-force",
  },
  {
    key: "code:cgppp",
    kind: "code",
    label: "Code général de la propriété des personnes publiques",
    url: `${LEGIFRANCE}/codes/texte_lc/LEGITEXT000006070299`,
    status: "in-force",
  },
  {
    key: "code:travail",
    kind: "code",
    label: "Code du travail",
    url: `${LEGIFRANCE}/codes/texte_lc/LEGITEXT000006072050`,
    status: "in-force",
  },
  {
    key: "code:cmp",
    kind: "code",
    label: "Code des marchés publics",
    url: null,
    status: "repealed",
    note: "Abrogé en 2016, remplacé par l'ordonnance n° 2015-899 puis par le code de la commande publique.",
  },

  // ----------------------------------------------------------------------------------------------
  // Case law
  {
    key: "ce:417580",
    kind: "decision-ce",
    label: "Conseil d'État, 25 mai 2018, Nantes Métropole, n° 417580 (critère lié à l'objet du marché, pas à la politique générale de l'entreprise)",
    url: `${LEGIFRANCE}/ceta/id/CETATEXT000036945776`,
    status: "in-force",
  },

  // ----------------------------------------------------------------------------------------------
  // EU acts (EUR-Lex link derived from the key)
  eu("reg", "2019/424", "Règlement (UE) 2019/424 de la Commission (écoconception des serveurs et des produits de stockage de données)"),
  eu("reg", "2013/617", "Règlement (UE) n° 617/2013 de la Commission (écoconception des ordinateurs)"),
  eu("reg", "2023/1670", "Règlement (UE) 2023/1670 de la Commission (écoconception des smartphones et tablettes)"),
  eu("reg", "2023/1669", "Règlement délégué (UE) 2023/1669 de la Commission (étiquetage énergétique des smartphones et tablettes)"),
  eu("dir", "2022/2380", "Directive (UE) 2022/2380 (chargeur universel)"),
  eu("reg", "2023/2854", "Règlement (UE) 2023/2854 (règlement sur les données)"),
  eu("dir", "2023/1791", "Directive (UE) 2023/1791 relative à l'efficacité énergétique"),
  eu("reg", "2024/1364", "Règlement délégué (UE) 2024/1364 de la Commission (système commun d'évaluation des centres de données, première phase)"),
  eu("reg", "2017/821", "Règlement (UE) 2017/821 (devoir de diligence des importateurs d'étain, de tantale, de tungstène et d'or provenant de zones de conflit ou à haut risque)", {
    note: "Oblige les importateurs de l'Union de ces quatre minerais ou métaux au-delà de seuils de volume ; ne s'applique ni au cobalt ni, en tant que tels, aux fournisseurs de matériel informatique.",
  }),
  eu("reg", "2016/679", "Règlement (UE) 2016/679 relatif à la protection des données (RGPD)"),
  eu("reg", "2006/1907", "Règlement (CE) n° 1907/2006 (REACH)"),
  eu("dir", "2011/65", "Directive 2011/65/UE (RoHS : substances dangereuses dans les équipements électriques et électroniques)"),
  eu("dir", "2014/24", "Directive 2014/24/UE sur la passation des marchés publics"),
  eu("dir", "2016/2102", "Directive (UE) 2016/2102 (accessibilité des sites internet et applications mobiles des organismes du secteur public)"),
  eu("dir", "2019/882", "Directive (UE) 2019/882 (exigences en matière d'accessibilité des produits et services)"),
  eu("dir", "2022/2464", "Directive (UE) 2022/2464 (publication d'informations en matière de durabilité, CSRD)"),
  eu("reg", "2019/1782", "Règlement (UE) 2019/1782 de la Commission (écoconception des sources d'alimentation externes)"),
  eu("reg", "2009/278", "Règlement (CE) n° 278/2009 de la Commission (sources d'alimentation externes)", {
    status: "repealed",
    repealedBy: "eu:reg:2019/1782",
  }),
];

const registrySchema = z.array(legalTextSchema).superRefine((list, ctx) => {
  const keys = new Set<string>();
  list.forEach((t, i) => {
    if (keys.has(t.key)) ctx.addIssue({ code: "custom", message: `Texte « ${t.key} » déclaré deux fois`, path: [i, "key"] });
    keys.add(t.key);
  });
  list.forEach((t, i) => {
    if (t.repealedBy && !keys.has(t.repealedBy)) {
      ctx.addIssue({ code: "custom", message: `${t.key} : texte de remplacement « ${t.repealedBy} » inconnu`, path: [i, "repealedBy"] });
    }
  });
});

function loadRegistry(): ReadonlyMap<string, LegalText> {
  const result = registrySchema.safeParse(registryData);
  if (!result.success) throw new Error(`Registre des textes juridiques invalide :\n${z.prettifyError(result.error)}`);
  return new Map(result.data.map((t) => [t.key, Object.freeze(t)]));
}

/** Every registered legal text, by key. */
export const legalTexts: ReadonlyMap<string, LegalText> = loadRegistry();

export function getLegalText(key: string): LegalText | undefined {
  return legalTexts.get(key);
}

/** Keys of the repealed texts content must not cite (décret 2021-254 among them). */
export const repealedLegalTextKeys: readonly string[] = Object.freeze(
  [...legalTexts.values()].filter((t) => t.status === "repealed").map((t) => t.key),
);
