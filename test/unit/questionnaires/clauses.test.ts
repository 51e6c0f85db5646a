/**
 * The whole clausier: schema, coverage, content policy, lookup and search.
 */
import { describe, expect, it } from "vitest";
import {
  allClauses,
  clauseLegalSources,
  currentClauseFor,
  clauseKindIds,
  clauseKinds,
  clauses,
  clausesOf,
  fillClause,
  getClause,
  guideCriterionIds,
  parseClausier,
  parsePlaceholders,
  searchClauses,
  type Clause,
  type ClauseInput,
  type PlaceholderDeclaration,
} from "#questionnaires/clauses";
import { checkPlaceholderValue } from "#questionnaires/clauses/placeholders";
import { activityUnits, normaliseUnitToken } from "#questionnaires/emission-factors";
import { getSegment, segmentIds } from "#questionnaires/segments";

function sampleValue(p: PlaceholderDeclaration): string {
  switch (p.type) {
    case "années":
      return String(p.min ?? 5);
    case "mois":
      return String(p.min ?? 6);
    case "pourcentage":
      return String(p.min ?? 20);
    case "nombre":
      return String(p.min ?? 1);
    case "date":
      return "2027-12-31";
    case "texte":
      return "texte d'essai";
    case "liste":
      return p.values?.[0] ?? "";
  }
}

describe("clausier : intégrité", () => {
  it("se charge et compte au moins 45 clauses", () => {
    expect(clauses.length).toBeGreaterThanOrEqual(45);
    expect(Object.isFrozen(clauses)).toBe(true);
  });

  it("a des identifiants uniques, ASCII, préfixés par le segment", () => {
    const ids = clauses.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const c of clauses) {
      expect(c.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(c.id.startsWith(`${getSegment(c.segment)?.clausePrefix}-`)).toBe(true);
    }
  });

  it("ne référence que des segments, types, documents et critères du guide connus", () => {
    for (const c of clauses) {
      expect(getSegment(c.segment), c.id).toBeDefined();
      expect(clauseKindIds).toContain(c.kind);
      const kind = clauseKinds.find((k) => k.id === c.kind);
      expect(kind?.targetDocuments, c.id).toContain(c.targetDocument);
      expect(c.guideCriteria.length, c.id).toBeGreaterThan(0);
      for (const g of c.guideCriteria) expect(guideCriterionIds, c.id).toContain(g);
    }
  });

  it("déclare chaque espace réservé utilisé et utilise chaque espace réservé déclaré, avec le même type", () => {
    for (const c of clauses) {
      const used = parsePlaceholders(c.text);
      const declared = new Map(c.placeholders.map((p) => [p.name, p.type]));
      for (const t of used) expect(declared.get(t.name), `${c.id} ${t.raw}`).toBe(t.type);
      const usedNames = new Set(used.map((t) => t.name));
      for (const p of c.placeholders) expect(usedNames.has(p.name), `${c.id} ${p.name}`).toBe(true);
      expect(c.text.replace(/\{\{[a-z0-9_]+:[^{}]+\}\}/g, ""), c.id).not.toMatch(/\{\{|\}\}/);
    }
  });

  it("a des valeurs par défaut valides pour leur type", () => {
    for (const c of clauses) {
      for (const p of c.placeholders) {
        if (p.default === undefined) continue;
        expect(checkPlaceholderValue(p, p.default), `${c.id} ${p.name}`).toMatchObject({ ok: true });
      }
    }
  });

  it("se remplit sans erreur avec les valeurs par défaut et des valeurs d'essai", () => {
    for (const c of clauses) {
      const values = Object.fromEntries(c.placeholders.filter((p) => p.default === undefined).map((p) => [p.name, sampleValue(p)]));
      const result = fillClause(c, values);
      expect(result.ok, c.id).toBe(true);
      if (result.ok) expect(result.text).not.toMatch(/\{\{|\}\}/);
    }
  });

  it("couvre chaque segment avec au moins une clause de chaque type", () => {
    for (const s of segmentIds) {
      for (const k of clauseKindIds) {
        expect(clausesOf(s, k).length, `${s} × ${k}`).toBeGreaterThanOrEqual(1);
      }
    }
  });
});

describe("clausier : règles de contenu", () => {
  const LABEL_RE =
    /[ÉE]colabel europ|Ange bleu|Blauer Engel|TCO Certified|EPEAT|Energy Star|80 PLUS|Cygne nordique|Nordic Swan|NF Environnement|FSC|ISO 14001|ISO 50001|EMAS|ISO 11469/;

  it("accepte toujours un équivalent lorsqu'un label, une certification ou une norme est exigé", () => {
    for (const c of clauses) {
      if (LABEL_RE.test(c.text)) expect(c.text, c.id).toMatch(/équivalent/i);
    }
  });

  it("n'utilise jamais le Label Numérique Responsable dans le texte d'une clause", () => {
    for (const c of clauses) expect(c.text, c.id).not.toMatch(/label\s+(NR|num[ée]rique responsable)/i);
  });

  it("produit du texte brut, sans balise ni caractère de contrôle", () => {
    for (const c of clauses) {
      for (const field of [c.title, c.text, c.guidance, ...c.evidence]) {
        expect(field, c.id).not.toMatch(/[<>]/);
        // eslint-disable-next-line no-control-regex
        expect(field, c.id).not.toMatch(/[\u0000-\u001f\u007f]/);
      }
    }
  });

  it("demande dans chaque segment des facteurs d'émission spécifiques au format CSV du portail", () => {
    for (const s of segmentIds) {
      const factors = clausesOf(s, "data-requirement").filter((c) => c.text.includes("modèle CSV du portail"));
      expect(factors.length, s).toBeGreaterThanOrEqual(1);
      for (const c of factors) {
        expect(c.text).toContain("kgCO2e");
        expect(c.text).toMatch(/ISO 14040/);
        expect(c.text).toMatch(/location-based/);
        expect(c.text).toMatch(/market-based/);
        expect(c.text).toMatch(/année de référence/);
        expect(c.text).toContain(`« ${s} »`);
      }
    }
  });

  it("n'attend dans le fichier CSV que des unités que l'import du portail reconnaît", () => {
    const known = new Set(activityUnits.flatMap((u) => [u.id, u.canonical, ...u.aliases].map(normaliseUnitToken)));
    let checked = 0;
    for (const c of clauses.filter((x) => x.kind === "data-requirement")) {
      for (const m of c.text.matchAll(/kgCO2e\/([^\s,.;)]+(?:\.[^\s,.;)]+)?)/gu)) {
        expect(known.has(normaliseUnitToken(m[1] ?? "")), `${c.id} : ${m[0]}`).toBe(true);
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(segmentIds.length);
  });

  it("donne à chaque critère d'attribution une pondération en pourcentage", () => {
    for (const c of clauses.filter((x) => x.kind === "award-criterion")) {
      expect(c.placeholders.find((p) => p.name === "ponderation")?.type, c.id).toBe("pourcentage");
    }
  });

  it("traite les thèmes attendus", () => {
    const all = clauses.map((c) => `${c.text} ${c.legalBasis ?? ""}`).join(" ");
    for (const needle of [
      "TCO Certified",
      "EPEAT",
      "Écolabel européen",
      "Ange bleu",
      "80 PLUS",
      "Energy Star",
      "indice de réparabilité",
      "pièces détachées",
      "reconditionn",
      "art. 19",
      "art. 58",
      "décret n° 2024-134",
      "décret n° 2023-266",
      "(REEN), art. 15",
      "(REEN), art. 16",
      "Organisation internationale du travail",
      "PUE",
      "WUE",
      "RGESN",
      "RGAA",
      "réversibilité",
      "kgCO2e par utilisateur et par mois",
      "kgCO2e par Go stocké et par mois",
      "kgCO2e par k€",
      "kgCO2e par kWh",
    ]) {
      expect(all, needle).toContain(needle);
    }
  });
});

describe("clausier : accès et recherche", () => {
  it("getClause retrouve une clause par identifiant", () => {
    expect(getClause("pdt-spec-ecolabel")?.kind).toBe("specification");
    expect(getClause("inexistante")).toBeUndefined();
  });

  it("clausesOf filtre par segment et, en option, par type", () => {
    const all = clausesOf("impression");
    expect(all.length).toBeGreaterThan(0);
    expect(all.every((c) => c.segment === "impression")).toBe(true);
    expect(clausesOf("impression", "specification").every((c) => c.kind === "specification")).toBe(true);
    expect(clausesOf("inconnu")).toEqual([]);
  });

  it("recherche sans tenir compte des accents ni de la casse", () => {
    const ids = (q: string) => searchClauses(q).map((c) => c.id);
    expect(ids("ecolabel")).toContain("pdt-spec-ecolabel");
    expect(ids("ÉCOLABEL")).toContain("pdt-spec-ecolabel");
    expect(ids("reversibilite")).toEqual(expect.arrayContaining(["heb-spec-reversibilite", "log-spec-reversibilite"]));
  });

  it("exige tous les mots de la requête", () => {
    const results = searchClauses("batterie reconditionnés");
    expect(results.length).toBeGreaterThan(0);
    for (const c of results) {
      const hay = JSON.stringify(c).normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
      expect(hay).toContain("batterie");
      expect(hay).toContain("reconditionnes");
    }
    expect(searchClauses("batterie xyzzyinexistant")).toEqual([]);
  });

  it("cherche aussi dans les libellés de segment, de type et d'espaces réservés", () => {
    expect(searchClauses("telephonie mobile specification").every((c) => c.segment === "telephonie-mobile" && c.kind === "specification")).toBe(true);
    expect(searchClauses("telephonie mobile specification").length).toBeGreaterThan(0);
    expect(searchClauses("duree de disponibilite des pieces detachees").map((c) => c.id)).toContain("pdt-spec-durabilite");
  });

  it("place d'abord les clauses dont le titre correspond", () => {
    const results = searchClauses("réversibilité");
    expect(results[0]?.title.toLowerCase()).toContain("réversibilité");
  });

  it("renvoie tout le clausier pour une requête vide", () => {
    expect(searchClauses("  ").length).toBe(clauses.length);
  });
});

describe("parseClausier : refus des clauses invalides", () => {
  const base: ClauseInput = {
    id: "pdt-spec-essai",
    segment: "postes-de-travail",
    kind: "specification",
    targetDocument: "CCTP",
    title: "Clause d'essai",
    text: "Garantie de {{duree:années}} au moins.",
    placeholders: [{ name: "duree", type: "années", label: "Durée de garantie (années)", default: "3" }],
    guidance: "Conseil à l'acheteur.",
    evidence: ["Conditions de garantie"],
    guideCriteria: ["utilisation-achats"],
    source: "Source d'essai",
  };
  const fails = (patch: Partial<ClauseInput>, message: RegExp) =>
    expect(() => parseClausier([{ ...base, ...patch }])).toThrow(message);

  it("accepte la clause de base", () => {
    const [clause] = parseClausier([base]) as Clause[];
    expect(clause?.id).toBe("pdt-spec-essai");
  });

  it("refuse un espace réservé non déclaré", () => {
    fails({ text: "Garantie de {{duree:années}} et {{autre:mois}}." }, /pdt-spec-essai.*non déclaré : \{\{autre:mois\}\}/);
  });

  it("refuse un espace réservé déclaré mais absent du texte", () => {
    fails({ text: "Garantie contractuelle." }, /déclaré mais absent du texte : duree/);
  });

  it("refuse un type différent de la déclaration, un type inconnu, une syntaxe mal formée", () => {
    fails({ text: "Garantie de {{duree:mois}}." }, /type déclaré années/);
    fails({ text: "Garantie de {{duree:années}} {{x:inconnu}}." }, /type inconnu/);
    fails({ text: "Garantie de {{duree:années}} {{duree}}." }, /mal formé/);
  });

  it("refuse une valeur par défaut invalide", () => {
    fails(
      { text: "Part : {{part:pourcentage}}.", placeholders: [{ name: "part", type: "pourcentage", label: "Part (%)", default: "120" }] },
      /valeur par défaut invalide/,
    );
    fails(
      { placeholders: [{ name: "duree", type: "années", label: "Durée (années)", default: " 3" }] },
      /non normalisée/,
    );
    fails(
      { placeholders: [{ name: "duree", type: "années", label: "Durée (années)", default: "3", min: 5 }] },
      /valeur par défaut invalide/,
    );
  });

  it("refuse des bornes incohérentes et des options hors type", () => {
    fails({ placeholders: [{ name: "duree", type: "années", label: "Durée (années)", max: 40 }] }, /max supérieur/);
    fails({ placeholders: [{ name: "duree", type: "années", label: "Durée (années)", min: 9, max: 4 }] }, /min supérieur à max/);
    fails(
      { text: "Niveau {{niveau:liste}}.", placeholders: [{ name: "niveau", type: "liste", label: "Niveau" }] },
      /doit déclarer ses valeurs/,
    );
  });

  it("refuse un document cible incompatible, un préfixe incorrect, un segment ou un critère inconnu", () => {
    fails({ targetDocument: "CCAP" }, /incompatible/);
    fails({ id: "imp-spec-essai" }, /commencer par « pdt- »/);
    fails({ segment: "services-it" as ClauseInput["segment"] }, /segment/);
    fails({ guideCriteria: ["inconnu" as never] }, /guideCriteria/);
  });

  it("refuse les identifiants en double", () => {
    expect(() => parseClausier([base, base])).toThrow(/en double : pdt-spec-essai/);
  });
});

describe("clausier : clauses remplacées (corrections d'un texte publié)", () => {
  const superseded = allClauses.filter((c) => c.supersededBy !== undefined);

  it("garde les clauses remplacées résolubles par identifiant, sans plus les proposer", () => {
    expect(superseded.map((c) => c.id).sort()).toEqual(["dc-spec-serveurs-energie", "pdt-spec-reconditionne"]);
    for (const old of superseded) {
      expect(getClause(old.id)?.id).toBe(old.id);
      expect(clauses.some((c) => c.id === old.id), old.id).toBe(false);
      expect(clausesOf(old.segment).some((c) => c.id === old.id), old.id).toBe(false);
      expect(searchClauses(old.title).some((c) => c.id === old.id), old.id).toBe(false);
      const next = currentClauseFor(old.id);
      expect(next?.id).toBe(old.supersededBy);
      expect(next).toMatchObject({ segment: old.segment, kind: old.kind });
      expect(next?.supersededBy).toBeUndefined();
    }
    expect(currentClauseFor("pdt-spec-ecolabel")?.id).toBe("pdt-spec-ecolabel");
    expect(currentClauseFor("inconnue")).toBeUndefined();
  });

  it("remplit encore une clause remplacée avec les valeurs d'un appel d'offres publié", () => {
    const old = getClause("dc-spec-serveurs-energie")!;
    const filled = fillClause(old, { niveau_80plus_min: "Platinum" });
    expect(filled.ok).toBe(true);
  });

  it("laisse à l'acheteur le taux de reconditionné et exige au moins le plancher du règlement (UE) 2019/424", () => {
    const reconditionne = getClause("pdt-spec-reconditionne-v2")!;
    expect(reconditionne.placeholders.find((p) => p.name === "part_reconditionne")?.default).toBeUndefined();
    expect(fillClause(reconditionne, {}).ok).toBe(false);
    const serveurs = getClause("dc-spec-serveurs-energie-v2")!;
    expect(serveurs.text).toMatch(/annexe II du règlement \(UE\) 2019\/424/);
    expect(serveurs.text).not.toMatch(/Platinum/);
    expect(serveurs.guidance).toMatch(/94 %/);
  });

  it("rejette une clause de remplacement inconnue, elle-même remplacée ou d'un autre type", () => {
    const base = allClauses.find((c) => c.id === "pdt-spec-ecolabel")! as ClauseInput;
    const other = allClauses.find((c) => c.id === "pdt-spec-durabilite")! as ClauseInput;
    expect(() => parseClausier([{ ...base, supersededBy: "absente" }])).toThrow(/clause de remplacement inconnue/);
    expect(() => parseClausier([{ ...base, supersededBy: "pdt-crit-reparabilite" }, allClauses.find((c) => c.id === "pdt-crit-reparabilite")])).toThrow(
      /même segment et le même type/,
    );
    expect(() => parseClausier([{ ...base, supersededBy: other.id }, { ...other, supersededBy: base.id }])).toThrow(/elle-même remplacée/);
  });
});

describe("clausier : textes juridiques", () => {
  it("ajoute au segment fin de vie le réemploi des matériels réformés (loi REEN art. 16, décret 2023-266)", () => {
    const clause = getClause("fdv-data-reemploi-materiels-reformes")!;
    expect(clause.segment).toBe("fin-de-vie-reemploi");
    expect(clauseLegalSources(clause).map((s) => s.key)).toEqual(expect.arrayContaining(["loi:2021-1485", "decret:2023-266"]));
    expect(clause.placeholders.find((p) => p.name === "objectif_reemploi")?.default).toBeUndefined();
  });

  it("donne le lien officiel de chaque texte cité par une clause", () => {
    const sources = clauseLegalSources(getClause("pdt-spec-reconditionne-v2")!);
    expect(sources.find((s) => s.key === "decret:2024-134")?.url).toMatch(/^https:\/\/www\.legifrance\.gouv\.fr\//);
    expect(sources.find((s) => s.key === "arrete:2024-02-29")?.toVerify).toBe(true);
  });

  it("ne fonde plus la diligence sur les minerais sur le règlement (UE) 2017/821 ni les mises à jour B2B sur la loi AGEC", () => {
    for (const c of clauses) {
      expect(c.legalBasis ?? "", c.id).not.toMatch(/2017\/821/);
      expect(c.legalBasis ?? "", c.id).not.toMatch(/art\. 27/);
    }
    expect(getClause("pdt-exec-droits-humains")?.guidance).toMatch(/importateurs de l'Union/);
    expect(getClause("res-spec-equipements-reseau")?.guidance).toMatch(/vente aux consommateurs/);
  });
});
