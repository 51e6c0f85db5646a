/**
 * Placeholder parsing, checking, French formatting and filling (questionnaires/clauses/placeholders.ts).
 */
import { describe, expect, it } from "vitest";
import {
  NBSP,
  defaultValues,
  fillClause,
  getClause,
  parsePlaceholders,
  renderSegments,
  sanitizeValue,
  type FillResult,
  type PlaceholderDeclaration,
} from "#questionnaires/clauses";
import { findMalformedPlaceholders, formatNumberFr } from "#questionnaires/clauses/placeholders";

/** Expectations are written with « ~ » where the output has a no-break space. */
const n = (s: string) => s.replace(/~/g, NBSP);

function one(decl: Omit<PlaceholderDeclaration, "name" | "label"> & { label?: string }, value?: string): FillResult {
  const clause = {
    text: "Valeur : {{v:" + decl.type + "}}.",
    placeholders: [{ name: "v", label: decl.label ?? "Valeur d'essai", ...decl }],
  };
  return fillClause(clause, value === undefined ? {} : { v: value });
}

function okText(result: FillResult): string {
  if (!result.ok) throw new Error(result.errors.map((e) => e.message).join("\n"));
  return result.text;
}

function errorMessages(result: FillResult): string[] {
  return result.ok ? [] : result.errors.map((e) => e.message);
}

describe("parsePlaceholders", () => {
  it("trouve chaque jeton avec son nom, son type, sa position", () => {
    const text = "Pendant {{duree:années}} puis {{part:pourcentage}} et encore {{duree:années}}.";
    const tokens = parsePlaceholders(text);
    expect(tokens.map((t) => [t.name, t.type])).toEqual([
      ["duree", "années"],
      ["part", "pourcentage"],
      ["duree", "années"],
    ]);
    expect(text.slice(tokens[1]!.index, tokens[1]!.index + tokens[1]!.raw.length)).toBe("{{part:pourcentage}}");
  });

  it("ignore les jetons mal formés, que findMalformedPlaceholders signale", () => {
    expect(parsePlaceholders("{{Nom:texte}} {{nom}} {{ a:b")).toEqual([]);
    expect(findMalformedPlaceholders("ok {{a:texte}} puis {{nom}} et }}")).toEqual(["{{nom}}", "}}"]);
    expect(findMalformedPlaceholders("rien à signaler {{a:texte}}")).toEqual([]);
  });
});

describe("fillClause : valeurs manquantes et valeurs par défaut", () => {
  const clause = getClause("pdt-spec-durabilite")!;

  it("nomme l'espace réservé dans le message d'une valeur manquante", () => {
    const noDefaults = { ...clause, placeholders: clause.placeholders.map(({ default: _d, ...p }) => p) };
    const result = fillClause(noDefaults, { duree_mises_a_jour: "6", duree_garantie: "3" });
    expect(result).toEqual({
      ok: false,
      errors: [
        {
          placeholder: "duree_pieces_detachees",
          label: "Durée de disponibilité des pièces détachées (années)",
          message: "Durée de disponibilité des pièces détachées (années) : valeur manquante",
        },
      ],
    });
  });

  it("traite une valeur vide ou faite d'espaces comme absente", () => {
    expect(errorMessages(one({ type: "texte" }, "   \n\t "))).toEqual(["Valeur d'essai : valeur manquante"]);
  });

  it("utilise la valeur par défaut en l'absence de valeur, et la valeur donnée sinon", () => {
    expect(defaultValues(clause)).toEqual({ duree_pieces_detachees: "7", duree_mises_a_jour: "6", duree_garantie: "3" });
    const withDefaults = okText(fillClause(clause, {}));
    expect(withDefaults).toContain(n("pendant au moins 7~ans à compter"));
    expect(withDefaults).toContain(n("est d'au moins 3~ans."));
    const given = okText(fillClause(clause, { duree_pieces_detachees: "10", duree_garantie: "" }));
    expect(given).toContain(n("pendant au moins 10~ans à compter"));
    expect(given).toContain(n("est d'au moins 3~ans."));
  });

  it("renvoie toutes les erreurs à la fois, dans l'ordre de déclaration", () => {
    const result = fillClause(clause, { duree_pieces_detachees: "abc", duree_mises_a_jour: "1", duree_garantie: "9" });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.map((e) => e.placeholder)).toEqual(["duree_pieces_detachees", "duree_mises_a_jour", "duree_garantie"]);
  });

  it("ignore les clés inconnues et les propriétés héritées de Object.prototype", () => {
    const c = { text: "{{constructor:texte}} / {{tostring:texte}}", placeholders: [
      { name: "constructor", type: "texte" as const, label: "Constructeur" },
      { name: "tostring", type: "texte" as const, label: "Chaîne" },
    ] };
    expect(errorMessages(fillClause(c, { autre: "x" }))).toEqual(["Constructeur : valeur manquante", "Chaîne : valeur manquante"]);
  });

  it("signale un espace réservé du texte qui n'est pas déclaré", () => {
    const result = fillClause({ text: "{{a:texte}} {{b:texte}}", placeholders: [{ name: "a", type: "texte", label: "A" }] }, { a: "x" });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]?.placeholder).toBe("b");
  });
});

describe("fillClause : contrôle et format par type", () => {
  it("années : entier de 1 à 30, « 1 an » / « 5 ans »", () => {
    expect(okText(one({ type: "années" }, "1"))).toBe(n("Valeur : 1~an."));
    expect(okText(one({ type: "années" }, " 12 "))).toBe(n("Valeur : 12~ans."));
    expect(errorMessages(one({ type: "années", label: "Durée (années)" }, "abc"))).toEqual([
      "Durée (années) : nombre entier d'années attendu (par exemple 5)",
    ]);
    expect(errorMessages(one({ type: "années" }, "5,5"))[0]).toMatch(/nombre entier d'années/);
    expect(errorMessages(one({ type: "années" }, "-2"))[0]).toMatch(/négative/);
    expect(errorMessages(one({ type: "années" }, "0"))[0]).toBe(n("Valeur d'essai : doit être compris entre 1~an et 30~ans"));
    expect(errorMessages(one({ type: "années" }, "31"))[0]).toMatch(/entre 1.an et 30.ans/);
  });

  it("années : les bornes déclarées restreignent celles du type", () => {
    expect(errorMessages(one({ type: "années", min: 5 }, "3"))[0]).toBe(n("Valeur d'essai : doit être compris entre 5~ans et 30~ans"));
    expect(okText(one({ type: "années", min: 5 }, "5"))).toBe(n("Valeur : 5~ans."));
  });

  it("mois : entier, « 6 mois »", () => {
    expect(okText(one({ type: "mois" }, "6"))).toBe(n("Valeur : 6~mois."));
    expect(errorMessages(one({ type: "mois" }, "1.5"))[0]).toMatch(/nombre entier de mois attendu/);
    expect(errorMessages(one({ type: "mois", max: 12 }, "13"))[0]).toBe(n("Valeur d'essai : doit être compris entre 1~mois et 12~mois"));
  });

  it("pourcentage : de 0 à 100, virgule ou point, signe % toléré, « 20 % »", () => {
    expect(okText(one({ type: "pourcentage" }, "20"))).toBe(n("Valeur : 20~%."));
    expect(okText(one({ type: "pourcentage" }, "12,5"))).toBe(n("Valeur : 12,5~%."));
    expect(okText(one({ type: "pourcentage" }, "12.50"))).toBe(n("Valeur : 12,5~%."));
    expect(okText(one({ type: "pourcentage" }, "20 %"))).toBe(n("Valeur : 20~%."));
    expect(okText(one({ type: "pourcentage" }, "0"))).toBe(n("Valeur : 0~%."));
    expect(okText(one({ type: "pourcentage" }, "100"))).toBe(n("Valeur : 100~%."));
  });

  it("pourcentage : refuse les valeurs hors de 0 à 100 et le texte", () => {
    const label = "Part minimale de reconditionné (%)";
    expect(errorMessages(one({ type: "pourcentage", label }, "120"))).toEqual([n(`${label} : doit être compris entre 0~% et 100~%`)]);
    expect(errorMessages(one({ type: "pourcentage", label }, "100,1"))[0]).toMatch(/entre 0.% et 100.%/);
    expect(errorMessages(one({ type: "pourcentage", label }, "-5"))).toEqual([`${label} : un nombre négatif n'est pas admis`]);
    expect(errorMessages(one({ type: "pourcentage", label }, "vingt"))).toEqual([
      `${label} : pourcentage attendu, nombre entre 0 et 100 (par exemple 20)`,
    ]);
    expect(errorMessages(one({ type: "pourcentage", min: 50 }, "40"))[0]).toMatch(/entre 50.% et 100.%/);
  });

  it("nombre : positif ou nul, groupes de milliers et virgule décimale", () => {
    expect(okText(one({ type: "nombre" }, "1500"))).toBe(n("Valeur : 1~500."));
    expect(okText(one({ type: "nombre" }, "1 500,50"))).toBe(n("Valeur : 1~500,5."));
    expect(okText(one({ type: "nombre" }, "1234567.25"))).toBe(n("Valeur : 1~234~567,25."));
    expect(okText(one({ type: "nombre" }, "007"))).toBe("Valeur : 7.");
    expect(okText(one({ type: "nombre" }, "0"))).toBe("Valeur : 0.");
    expect(errorMessages(one({ type: "nombre" }, "-3"))[0]).toMatch(/négatif/);
    expect(errorMessages(one({ type: "nombre" }, "1e3"))[0]).toMatch(/nombre attendu/);
    expect(errorMessages(one({ type: "nombre" }, "12 34"))[0]).toMatch(/nombre attendu/);
    expect(errorMessages(one({ type: "nombre", min: 1, max: 3 }, "4"))[0]).toBe("Valeur d'essai : doit être compris entre 1 et 3");
    expect(errorMessages(one({ type: "nombre", max: 10000 }, "20000"))[0]).toBe(n("Valeur d'essai : doit être compris entre 0 et 10~000"));
  });

  it("date : AAAA-MM-JJ (ou JJ/MM/AAAA), affichée JJ/MM/AAAA, date réelle", () => {
    expect(okText(one({ type: "date" }, "2027-12-31"))).toBe("Valeur : 31/12/2027.");
    expect(okText(one({ type: "date" }, "31/12/2027"))).toBe("Valeur : 31/12/2027.");
    expect(okText(one({ type: "date" }, "2028-02-29"))).toBe("Valeur : 29/02/2028.");
    expect(errorMessages(one({ type: "date" }, "2027-02-29"))[0]).toMatch(/n'existe pas/);
    expect(errorMessages(one({ type: "date" }, "2027-13-01"))[0]).toMatch(/n'existe pas/);
    expect(errorMessages(one({ type: "date" }, "2027/12/31"))[0]).toMatch(/format AAAA-MM-JJ/);
    expect(errorMessages(one({ type: "date" }, "demain"))[0]).toMatch(/format AAAA-MM-JJ/);
  });

  it("texte : longueur maximale en caractères", () => {
    expect(okText(one({ type: "texte", maxLength: 5 }, "abcde"))).toBe("Valeur : abcde.");
    expect(okText(one({ type: "texte", maxLength: 5 }, "éèêëà"))).toBe("Valeur : éèêëà.");
    expect(errorMessages(one({ type: "texte", maxLength: 5 }, "abcdef"))).toEqual(["Valeur d'essai : 5 caractères au maximum (6 saisis)"]);
    expect(errorMessages(one({ type: "texte" }, "x".repeat(301)))[0]).toMatch(/300 caractères au maximum/);
  });

  it("liste : valeur déclarée, sans tenir compte de la casse ni des accents", () => {
    const decl = { type: "liste" as const, values: ["Bronze", "Silver", "Gold"] };
    expect(okText(one(decl, "gold"))).toBe("Valeur : Gold.");
    expect(errorMessages(one(decl, "Diamond"))).toEqual(["Valeur d'essai : valeur non prévue ; valeurs possibles : Bronze, Silver, Gold"]);
  });
});

describe("sécurité du remplissage", () => {
  const c = { text: "Début {{a:texte}} fin.", placeholders: [{ name: "a", type: "texte" as const, label: "A" }] };

  it("retire les caractères de contrôle et les contrôles bidirectionnels, remplace les sauts de ligne, rogne", () => {
    expect(okText(fillClause(c, { a: "  a\u0000b\u0007c\u001b[31m\u007f\u0085d  " }))).toBe("Début abc[31m d fin.");
    expect(okText(fillClause(c, { a: "ligne 1\r\nligne 2\tfin" }))).toBe("Début ligne 1 ligne 2 fin fin.");
    expect(okText(fillClause(c, { a: "\u202eevil\u202c\u2066x\u2069\ufeff" }))).toBe("Début evilx fin.");
    expect(okText(fillClause(c, { a: "a\ud800b" }))).toBe("Début a\ufffdb fin.");
  });

  it("normalise en NFC et reste idempotent", () => {
    expect(sanitizeValue("e\u0301t\u00e9")).toBe("\u00e9t\u00e9");
    const once = sanitizeValue(" x\u0000\ny ");
    expect(sanitizeValue(once)).toBe(once);
  });

  it("insère littéralement une valeur contenant {{x:texte}} sans la développer", () => {
    const d = {
      text: "{{a:texte}} et {{b:texte}}",
      placeholders: [
        { name: "a", type: "texte" as const, label: "A" },
        { name: "b", type: "texte" as const, label: "B" },
      ],
    };
    const result = fillClause(d, { a: "{{b:texte}}", b: "{{a:texte}}" });
    expect(okText(result)).toBe("{{b:texte}} et {{a:texte}}");
    if (result.ok) expect(result.parts.filter((p) => p.kind === "value").map((p) => p.text)).toEqual(["{{b:texte}}", "{{a:texte}}"]);
  });

  it("insère littéralement du HTML, sans l'échapper (l'échappement revient au moteur de rendu)", () => {
    const result = fillClause(c, { a: "<script>alert('x')</script> & co" });
    expect(okText(result)).toBe("Début <script>alert('x')</script> & co fin.");
    if (result.ok) {
      expect(result.parts).toEqual([
        { kind: "text", text: "Début " },
        { kind: "value", text: "<script>alert('x')</script> & co", name: "a", type: "texte", missing: false },
        { kind: "text", text: " fin." },
      ]);
    }
  });

  it("n'interprète pas les motifs de remplacement de String.replace", () => {
    expect(okText(fillClause(c, { a: "$& $1 $$ $`" }))).toBe("Début $& $1 $$ $` fin.");
  });
});

describe("renderSegments", () => {
  it("découpe le texte en parties texte et valeur, valeurs nettoyées mais non contrôlées", () => {
    expect(renderSegments("A {{x:nombre}} B {{y:texte}}", { x: " 12 ", y: "\u0000" })).toEqual([
      { kind: "text", text: "A " },
      { kind: "value", text: "12", name: "x", type: "nombre", missing: false },
      { kind: "text", text: " B " },
      { kind: "value", text: "", name: "y", type: "texte", missing: true },
    ]);
  });

  it("signale les valeurs absentes pour un aperçu « à compléter »", () => {
    const parts = renderSegments("{{a:date}}", {});
    expect(parts).toEqual([{ kind: "value", text: "", name: "a", type: "date", missing: true }]);
  });

  it("redonne le texte de fillClause une fois les parties jointes", () => {
    const clause = getClause("pdt-spec-reconditionne")!;
    const result = fillClause(clause, {});
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.parts.map((p) => p.text).join("")).toBe(result.text);
  });
});

describe("formatNumberFr", () => {
  it("écrit les nombres à la française", () => {
    expect(formatNumberFr(1500)).toBe(n("1~500"));
    expect(formatNumberFr(1.4)).toBe("1,4");
    expect(formatNumberFr(0.1 + 0.2)).toBe("0,3");
    expect(formatNumberFr(999)).toBe("999");
  });
});
