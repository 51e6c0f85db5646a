/**
 * The definition of a legal reference (questionnaires/legal-references/detect.ts), case by case.
 */
import { describe, expect, it } from "vitest";
import { eurLexUrl, findLegalReferences, legalReferenceProblems, legalSourcesOf } from "#questionnaires/legal-references";

const keys = (text: string) => findLegalReferences(text).map((r) => r.key);

describe("findLegalReferences", () => {
  it("finds numbered French texts, with or without « n° »", () => {
    expect(keys("décret n° 2024-134 du 21 février 2024")).toEqual(["decret:2024-134"]);
    expect(keys("la loi 2021-1485 et l'ordonnance n° 2015-899")).toEqual(["loi:2021-1485", "ordonnance:2015-899"]);
  });

  it("finds laws by their usual name", () => {
    expect(keys("la loi AGEC impose")).toEqual(["loi:2020-105"]);
    expect(keys("la loi REEN (art. 15)")).toEqual(["loi:2021-1485"]);
    expect(keys("loi « Climat et Résilience »")).toEqual(["loi:2021-1104"]);
    expect(keys("la loi relative au devoir de vigilance")).toEqual(["loi:2017-399"]);
  });

  it("finds arrêtés by date", () => {
    expect(keys("arrêté du 22 mars 2019 fixant la liste")).toEqual(["arrete:2019-03-22"]);
    expect(keys("deux arrêtés du 29 février 2024")).toEqual(["arrete:2024-02-29"]);
    expect(keys("arrêté du 1er juillet 2024")).toEqual(["arrete:2024-07-01"]);
  });

  it("resolves a code article to the code named after it in the sentence, else before it in the text", () => {
    expect(findLegalReferences("(art. R2111-16 et R2111-17 du code de la commande publique)").map((r) => [r.key, r.article])).toEqual([
      ["code:ccp", "R2111-16"],
      ["code:ccp", "R2111-17"],
    ]);
    expect(keys("Code de l'environnement, art. R543-172 et suivants ; art. L541-1")).toEqual(["code:env", "code:env"]);
    expect(keys("Code de la commande publique, art. R. 2111-12")).toEqual(["code:ccp"]);
    expect(keys("art. L541-1, sans code")).toEqual([null]);
  });

  it("finds EU acts in their various spellings, normalised to year/number", () => {
    expect(keys("règlement (UE) 2019/424")).toEqual(["eu:reg:2019/424"]);
    expect(keys("règlement délégué (UE) 2023/1669")).toEqual(["eu:reg:2023/1669"]);
    expect(keys("directive 2011/65/UE")).toEqual(["eu:dir:2011/65"]);
    expect(keys("règlement (CE) n° 1907/2006")).toEqual(["eu:reg:2006/1907"]);
    expect(keys("Règlement (UE) n° 617/2013")).toEqual(["eu:reg:2013/617"]);
    expect(keys("article 28 du RGPD ; la CSRD")).toEqual(["eu:reg:2016/679", "eu:dir:2022/2464"]);
  });

  it("finds Conseil d'État decisions by number", () => {
    expect(keys("CE, 25 mai 2018, Nantes Métropole, n° 417580")).toEqual(["ce:417580"]);
    expect(keys("Conseil d'État, 25 mai 2018, n° 417580")).toEqual(["ce:417580"]);
  });

  it("ignores standards, referentials and ordinary numbers", () => {
    expect(keys("ISO/IEC 30134-2, EN 301 549, ISO 14001, RGESN 8.3, RGAA, 80 PLUS, 2019/424 seul, CO2e/kWh")).toEqual([]);
  });

  it("reads « à vérifier » after the reference, within the same sentence only", () => {
    expect(findLegalReferences("arrêtés du 29 février 2024 (à vérifier).")[0]?.markedToVerify).toBe(true);
    expect(findLegalReferences("Selon l'art. R2111-12 du code de la commande publique. Taux à vérifier.")[0]?.markedToVerify).toBe(false);
  });
});

describe("legalReferenceProblems", () => {
  it("accepts a registered text with a source link", () => {
    expect(legalReferenceProblems("décret n° 2024-134 ; règlement (UE) 2019/424 ; art. L2152-7 du code de la commande publique")).toEqual([]);
  });

  it("requires « à vérifier » for a text without a checked link or absent from the registry", () => {
    expect(legalReferenceProblems("les arrêtés du 29 février 2024 étendent la liste")[0]?.message).toMatch(/à vérifier/);
    expect(legalReferenceProblems("les arrêtés du 29 février 2024 (à vérifier) étendent la liste")).toEqual([]);
    expect(legalReferenceProblems("décret n° 2099-1")[0]?.message).toMatch(/absent du registre/);
    expect(legalReferenceProblems("décret n° 2099-1 (à vérifier)")).toEqual([]);
  });

  it("never accepts a repealed text, even marked", () => {
    expect(legalReferenceProblems("décret n° 2021-254 (à vérifier)")[0]?.message).toMatch(/texte abrogé/);
  });

  it("requires the code of an article to be named", () => {
    expect(legalReferenceProblems("voir l'art. R2152-7")[0]?.message).toMatch(/code non précisé/);
  });
});

describe("legalSourcesOf and eurLexUrl", () => {
  it("lists each cited text once, with its link", () => {
    const sources = legalSourcesOf("Loi AGEC n° 2020-105, art. 58 ; décret n° 2024-134", "la loi AGEC encore");
    expect(sources.map((s) => s.key)).toEqual(["loi:2020-105", "decret:2024-134"]);
    expect(sources[1]?.url).toBe("https://www.legifrance.gouv.fr/eli/decret/2024/2/21/2024-134/jo/texte");
    expect(sources.every((s) => !s.toVerify)).toBe(true);
  });

  it("builds EUR-Lex links from the CELEX number", () => {
    expect(eurLexUrl("eu:reg:2019/424")).toBe("https://eur-lex.europa.eu/legal-content/FR/TXT/?uri=CELEX:32019R0424");
    expect(eurLexUrl("eu:dir:2011/65")).toBe("https://eur-lex.europa.eu/legal-content/FR/TXT/?uri=CELEX:32011L0065");
    expect(eurLexUrl("loi:2020-105")).toBeNull();
  });
});
