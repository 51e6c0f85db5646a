/**
 * Zod schema of the clausier (clause-template library): kinds, target documents, guide
 * criteria, placeholder declarations, clauses, and the whole library's cross-checks.
 */
import { z } from "zod";
import { segmentIdSchema, segments } from "../segments";
import {
  TEXT_MAX_LENGTH_LIMIT,
  checkPlaceholderValue,
  findMalformedPlaceholders,
  isPlaceholderType,
  parsePlaceholders,
  placeholderTypeBounds,
  placeholderTypes,
  sanitizeValue,
  type PlaceholderDeclaration,
} from "./placeholders";

// ---------------------------------------------------------------------------------------------
// Kinds and target documents

export const clauseKindIds = ["selection", "specification", "award-criterion", "performance-clause", "data-requirement"] as const;
export type ClauseKindId = (typeof clauseKindIds)[number];
export const clauseKindSchema = z.enum(clauseKindIds);

/** Tender documents: règlement de la consultation, CCTP, CCAP, annexe (cadre de réponse…). */
export const targetDocuments = ["RC", "CCTP", "CCAP", "annexe"] as const;
export type TargetDocument = (typeof targetDocuments)[number];
export const targetDocumentSchema = z.enum(targetDocuments);

export interface ClauseKind {
  readonly id: ClauseKindId;
  readonly label: string;
  readonly description: string;
  /** Documents where a clause of this kind may sit. */
  readonly targetDocuments: readonly TargetDocument[];
}

export const clauseKinds: readonly ClauseKind[] = Object.freeze([
  {
    id: "selection",
    label: "Critère de sélection des candidatures",
    description:
      "Capacités, moyens, références et certifications demandés au candidat pour apprécier sa candidature (et non son offre).",
    targetDocuments: ["RC", "annexe"],
  },
  {
    id: "specification",
    label: "Spécification technique (CCTP)",
    description: "Exigence minimale que toute offre doit respecter, sous peine d'être irrégulière.",
    targetDocuments: ["CCTP", "annexe"],
  },
  {
    id: "award-criterion",
    label: "Critère d'attribution (RC)",
    description:
      "Critère ou sous-critère pondéré servant à classer les offres, avec les éléments de preuve attendus.",
    targetDocuments: ["RC", "annexe"],
  },
  {
    id: "performance-clause",
    label: "Condition d'exécution (CCAP)",
    description:
      "Obligation du titulaire pendant l'exécution : reporting, reprise des déchets, clause sociale, clause de progrès, pénalités.",
    targetDocuments: ["CCAP", "CCTP"],
  },
  {
    id: "data-requirement",
    label: "Exigence de données",
    description:
      "Données que le candidat ou le titulaire doit fournir, notamment ses facteurs d'émission spécifiques au format CSV du portail.",
    targetDocuments: ["RC", "CCTP", "CCAP", "annexe"],
  },
] satisfies ClauseKind[]);

// ---------------------------------------------------------------------------------------------
// INR guide criteria (ids shared with the maturity guide, see reference/inr-maturity-guide.md §2)

export const guideCriterionIds = [
  "gouvernance",
  "formation",
  "mesure",
  "fin-de-vie",
  "infra-internes",
  "infra-externes",
  "utilisation-achats",
  "ecosysteme",
  "services-numeriques",
  "impacts-societaux",
] as const;
export type GuideCriterionId = (typeof guideCriterionIds)[number];
export const guideCriterionIdSchema = z.enum(guideCriterionIds);

// ---------------------------------------------------------------------------------------------
// Placeholders

const NUMERIC_TYPES = new Set<string>(["années", "mois", "pourcentage", "nombre"]);

export const placeholderDeclarationSchema = z
  .object({
    name: z.string().regex(/^[a-z][a-z0-9_]*$/, "nom d'espace réservé : snake_case ASCII"),
    type: z.enum(placeholderTypes),
    label: z.string().trim().min(3),
    default: z.string().optional(),
    min: z.number().finite().optional(),
    max: z.number().finite().optional(),
    maxLength: z.number().int().min(1).max(TEXT_MAX_LENGTH_LIMIT).optional(),
    values: z.array(z.string().trim().min(1)).min(2).optional(),
  })
  .strict()
  .superRefine((p, ctx) => {
    const issue = (message: string, path: string) => ctx.addIssue({ code: "custom", message, path: [path] });
    if (!NUMERIC_TYPES.has(p.type) && (p.min !== undefined || p.max !== undefined)) {
      issue(`min/max réservés aux types numériques (type : ${p.type})`, "min");
    }
    if (p.type !== "texte" && p.maxLength !== undefined) issue("maxLength réservé au type texte", "maxLength");
    if (p.type === "liste") {
      if (!p.values) issue("un espace réservé de type liste doit déclarer ses valeurs", "values");
      else if (new Set(p.values).size !== p.values.length) issue("valeurs de liste en double", "values");
    } else if (p.values !== undefined) {
      issue("values réservé au type liste", "values");
    }
    const own = placeholderTypeBounds[p.type];
    if (p.min !== undefined && own.min !== undefined && p.min < own.min) issue(`min inférieur au minimum du type (${own.min})`, "min");
    if (p.max !== undefined && own.max !== undefined && p.max > own.max) issue(`max supérieur au maximum du type (${own.max})`, "max");
    if (p.min !== undefined && p.max !== undefined && p.min > p.max) issue("min supérieur à max", "min");
    if ((p.type === "années" || p.type === "mois") && [p.min, p.max].some((n) => n !== undefined && !Number.isInteger(n))) {
      issue("bornes entières attendues pour une durée", "min");
    }
    if (p.default !== undefined) {
      const value = sanitizeValue(p.default);
      if (value !== p.default || value === "") {
        issue("valeur par défaut vide ou non normalisée (espaces, caractères de contrôle)", "default");
      } else {
        const check = checkPlaceholderValue(p satisfies PlaceholderDeclaration, value);
        if (!check.ok) issue(`valeur par défaut invalide : ${check.message}`, "default");
      }
    }
  });

export type PlaceholderDeclarationInput = z.input<typeof placeholderDeclarationSchema>;

// ---------------------------------------------------------------------------------------------
// Clause

const frenchText = z.string().trim().min(3);

export const clauseSchema = z
  .object({
    /** Stable ASCII slug, starting with the segment's clause prefix (e.g. `pdt-spec-ecolabel`). */
    id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "identifiant : minuscules ASCII, chiffres et tirets"),
    segment: segmentIdSchema,
    kind: clauseKindSchema,
    targetDocument: targetDocumentSchema,
    title: frenchText,
    /** French template with `{{name:type}}` placeholders. Plain text, no markup. */
    text: frenchText,
    placeholders: z.array(placeholderDeclarationSchema),
    /** Advice to the buyer (not part of the tender text). */
    guidance: frenchText,
    /** Expected proof. */
    evidence: z.array(frenchText).min(1),
    guideCriteria: z.array(guideCriterionIdSchema).min(1),
    /** Public guide or law that inspired the clause (our wording, never copied). */
    source: frenchText,
    legalBasis: frenchText.optional(),
    /**
     * Id of the clause that replaces this one. A published clause's tender text (title, text, placeholders) is never
     * rewritten: published tenders keep resolving it by id; a correction is a new clause, and the old one is marked
     * here so that it is no longer offered (see README, « Corriger une clause publiée »).
     */
    supersededBy: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/).optional(),
  })
  .strict()
  .superRefine((c, ctx) => {
    const issue = (message: string, path: (string | number)[]) => ctx.addIssue({ code: "custom", message, path });

    const kind = clauseKinds.find((k) => k.id === c.kind);
    if (kind && !kind.targetDocuments.includes(c.targetDocument)) {
      issue(`document cible ${c.targetDocument} incompatible avec le type ${c.kind} (${kind.targetDocuments.join(", ")})`, ["targetDocument"]);
    }

    const prefix = segments.find((s) => s.id === c.segment)?.clausePrefix;
    if (prefix && !c.id.startsWith(`${prefix}-`)) {
      issue(`l'identifiant doit commencer par « ${prefix}- » (segment ${c.segment})`, ["id"]);
    }

    if (new Set(c.guideCriteria).size !== c.guideCriteria.length) issue("critère du guide en double", ["guideCriteria"]);

    for (const bad of findMalformedPlaceholders(c.text)) issue(`espace réservé mal formé : ${bad}`, ["text"]);

    const declared = new Map<string, string>();
    c.placeholders.forEach((p, i) => {
      if (declared.has(p.name)) issue(`espace réservé déclaré deux fois : ${p.name}`, ["placeholders", i, "name"]);
      declared.set(p.name, p.type);
    });

    const used = new Set<string>();
    for (const token of parsePlaceholders(c.text)) {
      used.add(token.name);
      if (!isPlaceholderType(token.type)) {
        issue(`type inconnu dans ${token.raw} (types : ${placeholderTypes.join(", ")})`, ["text"]);
        continue;
      }
      const declaredType = declared.get(token.name);
      if (declaredType === undefined) issue(`espace réservé non déclaré : ${token.raw}`, ["text"]);
      else if (declaredType !== token.type) issue(`${token.raw} : type déclaré ${declaredType}`, ["text"]);
    }
    c.placeholders.forEach((p, i) => {
      if (!used.has(p.name)) issue(`espace réservé déclaré mais absent du texte : ${p.name}`, ["placeholders", i, "name"]);
    });
  });

export type Clause = z.infer<typeof clauseSchema>;
export type ClauseInput = z.input<typeof clauseSchema>;

/** Whole library: the clause checks plus unique ids and well-formed supersession (same segment and kind, current successor). */
export const clausierSchema = z.array(clauseSchema).superRefine((list, ctx) => {
  const seen = new Set<string>();
  list.forEach((c, i) => {
    if (seen.has(c.id)) ctx.addIssue({ code: "custom", message: `identifiant de clause en double : ${c.id}`, path: [i, "id"] });
    seen.add(c.id);
  });
  const byId = new Map(list.map((c) => [c.id, c]));
  list.forEach((c, i) => {
    if (c.supersededBy === undefined) return;
    const next = byId.get(c.supersededBy);
    const issue = (message: string) => ctx.addIssue({ code: "custom", message, path: [i, "supersededBy"] });
    if (!next) issue(`clause de remplacement inconnue : ${c.supersededBy}`);
    else if (next.supersededBy !== undefined) issue(`la clause de remplacement ${next.id} est elle-même remplacée`);
    else if (next.segment !== c.segment || next.kind !== c.kind) issue(`la clause de remplacement ${next.id} doit avoir le même segment et le même type`);
  });
});

/**
 * Validate a list of clauses; throws an Error listing every problem, each prefixed with the
 * clause id when known. Returns frozen clauses.
 */
export function parseClausier(input: unknown): readonly Clause[] {
  const result = clausierSchema.safeParse(input);
  if (result.success) return Object.freeze(result.data.map((c) => Object.freeze(c)));
  const lines = result.error.issues.map((i) => {
    const [index, ...rest] = i.path;
    const raw = Array.isArray(input) && typeof index === "number" ? (input[index] as { id?: unknown } | undefined) : undefined;
    const id = typeof raw?.id === "string" ? raw.id : `#${String(index)}`;
    return `- ${id}${rest.length ? ` › ${rest.join(".")}` : ""} : ${i.message}`;
  });
  throw new Error(`Clausier invalide (${lines.length} problème(s)) :\n${lines.join("\n")}`);
}
