import { describe, expect, it } from "vitest";
import Papa from "papaparse";
import { loader as guideJsonLoader } from "~/routes/guide[.]json";
import { loader as guideCsvLoader } from "~/routes/guide[.]csv";
import { loader as guideIndexLoader } from "~/routes/guide._index";
import { loader as guideCriterionLoader } from "~/routes/guide.$criterion";
import { loader as guideChangesLoader } from "~/routes/guide.changements";
import { CURRENT_GUIDE_VERSION } from "#questionnaires/guide";

const args = (path: string, params: Record<string, string> = {}) => ({ request: new Request(`http://localhost${path}`), params, context: {} });

/** A loader that throws a Response: its status. */
async function thrownStatus(run: () => Promise<unknown>): Promise<number> {
  try {
    await run();
  } catch (error) {
    if (error instanceof Response) return error.status;
    throw error;
  }
  throw new Error("le loader aurait dû répondre par une erreur");
}

type GuideJson = {
  version: string;
  source: string;
  licence: string;
  basedOn: string;
  editionNote: string;
  current: boolean;
  provenance: Record<string, string>;
  provenanceLegend: Record<string, { label: string; description: string }>;
  criteria: { id: string; title: string; description: string; provenance: Record<string, string> }[];
  questions: {
    id: string;
    criterion: string;
    text: string;
    guidance: string;
    scope: string;
    scopeDeclared: boolean;
    contractText: string | null;
    topicTag: string | null;
    levels: Record<string, string> | null;
    provenance: Record<string, string>;
  }[];
};

async function guideJson(path: string): Promise<GuideJson> {
  const response = await guideJsonLoader(args(path));
  expect(response.status).toBe(200);
  return (await response.json()) as GuideJson;
}

describe("GET /guide.json", () => {
  it("keeps the published shape (only adds fields) with 10 criteria and 47 questions of the current edition", async () => {
    const body = await guideJson("/guide.json");
    for (const key of ["criteria", "licence", "questions", "source", "version"]) expect(Object.keys(body)).toContain(key);
    expect(body.version).toBe(CURRENT_GUIDE_VERSION);
    expect(body.current).toBe(true);
    expect(body.criteria).toHaveLength(10);
    expect(body.questions).toHaveLength(47);
    const criterionIds = new Set(body.criteria.map((c) => c.id));
    for (const c of body.criteria) for (const key of ["id", "title", "description"]) expect(Object.keys(c)).toContain(key);
    for (const q of body.questions) {
      for (const key of ["criterion", "guidance", "id", "text"]) expect(Object.keys(q)).toContain(key);
      expect(criterionIds.has(q.criterion)).toBe(true);
    }
    expect(new Set(body.questions.map((q) => q.id)).size).toBe(47);
    expect(body.source).toContain("INR");
  });

  it("publishes basedOn, editionNote and a provenance per field (INR/ISIT vs our edition)", async () => {
    const body = await guideJson("/guide.json");
    expect(body.basedOn).toBe("inr-isit-2024");
    expect(body.editionNote).toMatch(/NR Procure/);
    expect(body.provenance.questionCount).toBe("inr-isit-2024");
    expect(body.provenance.editionNote).toBe("nrprocure");
    expect(Object.keys(body.provenanceLegend).sort()).toEqual(["ademe-anct", "inr-isit-2024", "nrprocure"]);
    for (const c of body.criteria) {
      expect(c.provenance.title).toBe("inr-isit-2024");
      expect(c.provenance.description).toBe("nrprocure");
    }
    for (const q of body.questions) {
      // Every published question field has its provenance, and the wording is ours.
      for (const key of Object.keys(q).filter((k) => k !== "provenance" && k !== "scopeDeclared")) expect(q.provenance, `${q.id}.${key}`).toHaveProperty(key);
      expect(q.provenance.text).toBe("nrprocure");
      expect(q.provenance.levels).toBe("nrprocure");
    }
  });

  it("carries each question's scope and, for contract questions, the contract wording", async () => {
    const body = await guideJson("/guide.json");
    const contract = body.questions.filter((q) => q.scope === "contract");
    const organisation = body.questions.filter((q) => q.scope === "organisation");
    expect(contract.length).toBeGreaterThan(0);
    expect(organisation.length).toBeGreaterThan(0);
    expect(contract.length + organisation.length).toBe(47);
    for (const q of contract) expect(q.contractText, q.id).toMatch(/^Pour l'exécution du présent marché, /);
    for (const q of organisation) expect(q.contractText, q.id).toBeNull();
    for (const q of body.questions) {
      expect(q.scopeDeclared).toBe(true);
      expect(Object.keys(q.levels ?? {})).toEqual(["1", "2", "3", "4", "5"]);
    }
    expect(body.questions.find((q) => q.id === "GOUV-01")?.scope).toBe("organisation");
    expect(body.questions.find((q) => q.id === "SERV-01")?.scope).toBe("contract");
  });

  it("serves an older edition with ?version= unchanged, its questions read as organisation", async () => {
    const body = await guideJson("/guide.json?version=2024.1-nrprocure");
    expect(body.version).toBe("2024.1-nrprocure");
    expect(body.current).toBe(false);
    expect(body.questions).toHaveLength(47);
    expect(body.questions.map((q) => q.id)).toContain("FDV-06");
    for (const q of body.questions) {
      expect(q.scope).toBe("organisation");
      expect(q.scopeDeclared).toBe(false);
      expect(q.contractText).toBeNull();
    }
  });

  it("answers 404 in French for an unknown version", async () => {
    const response = await guideJsonLoader(args("/guide.json?version=1999.1-inconnue"));
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: "Cette édition du guide n'existe pas." });
  });
});

describe("GET /guide.csv", () => {
  async function parseCsv(path: string) {
    const response = await guideCsvLoader(args(path));
    const bytes = new Uint8Array(await response.arrayBuffer());
    const text = new TextDecoder("utf-8").decode(bytes.slice(3));
    const parsed = Papa.parse<string[]>(text.trimEnd(), { delimiter: ";" });
    return { response, bytes, text, parsed };
  }

  it("is UTF-8 with BOM, ; separated, one row per question, accents intact", async () => {
    const { response, bytes, text, parsed } = await parseCsv("/guide.csv");
    expect(response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("Content-Disposition")).toBe(`attachment; filename="guide-maturite-nr-${CURRENT_GUIDE_VERSION}.csv"`);
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(parsed.errors).toEqual([]);
    const [header, ...rows] = parsed.data;
    expect(header?.[0]).toBe("identifiant");
    expect(header).toContain("critère");
    expect(rows).toHaveLength(47);
    expect(text).toContain("Équipements");
  });

  it("has scope, contract wording, five descriptors and provenance columns", async () => {
    const { parsed } = await parseCsv("/guide.csv");
    const [header = [], ...rows] = parsed.data;
    const col = (name: string) => {
      const i = header.indexOf(name);
      expect(i, name).toBeGreaterThanOrEqual(0);
      return i;
    };
    const scope = col("portée");
    const contract = col("formulation pour le présent marché");
    const criterionProvenance = col("provenance de l'intitulé du critère");
    const questionProvenance = col("provenance de la question");
    for (const level of [1, 2, 3, 4, 5]) expect(header.some((h) => h.startsWith(`niveau ${level} (`))).toBe(true);
    for (const row of rows) {
      expect(["marché", "organisation"]).toContain(row[scope]);
      if (row[scope] === "marché") expect(row[contract]).toMatch(/présent marché/);
      else expect(row[contract]).toBe("");
      expect(row[criterionProvenance]).toBe("Guide INR/ISIT 2024");
      expect(row[questionProvenance]).toBe("Édition NR Procure");
    }
  });

  it("follows ?version= (file name and content) and answers 404 for an unknown version", async () => {
    const { response, parsed } = await parseCsv("/guide.csv?version=2024.1-nrprocure");
    expect(response.headers.get("Content-Disposition")).toContain("guide-maturite-nr-2024.1-nrprocure.csv");
    expect(parsed.data.slice(1).map((r) => r[0])).toContain("FDV-06");
    expect(await thrownStatus(() => guideCsvLoader(args("/guide.csv?version=inconnue")))).toBe(404);
  });
});

describe("GET /guide?q=", () => {
  it("filters questions with all the words, ignoring case and accents", async () => {
    const data = (await guideIndexLoader(args("/guide?q=REEMPLOI"))) as { results: { id: string }[] | null };
    expect(data.results?.length).toBeGreaterThan(0);
    const none = (await guideIndexLoader(args("/guide?q=reemploi%20xylophone"))) as { results: unknown[] | null };
    expect(none.results).toEqual([]);
  });

  it("searches the edition chosen with ?version=", async () => {
    const old = (await guideIndexLoader(args("/guide?version=2024.1-nrprocure&q=proximit"))) as { results: { id: string }[] | null; guide: { version: string } };
    expect(old.guide.version).toBe("2024.1-nrprocure");
    expect(old.results?.map((r) => r.id)).toContain("FDV-06");
    const current = (await guideIndexLoader(args("/guide?q=proximit"))) as { results: { id: string }[] | null };
    expect(current.results?.map((r) => r.id)).not.toContain("FDV-06");
    expect(await thrownStatus(() => guideIndexLoader(args("/guide?version=2099.9-futur")))).toBe(404);
  });
});

describe("GET /guide/:criterion", () => {
  type CriterionData = {
    version: string;
    questions: { id: string; scope?: string; contractText?: string; legalSources: { key: string; url: string | null }[] }[];
    provenance: { criterionTitle: string; question: string; scaleLabels: string };
  };

  it("shows the questions with their scope, contract wording, provenance and legal sources", async () => {
    const data = (await guideCriterionLoader(args("/guide/impacts-societaux", { criterion: "impacts-societaux" }))) as CriterionData;
    expect(data.version).toBe(CURRENT_GUIDE_VERSION);
    expect(data.provenance).toMatchObject({ criterionTitle: "Guide INR/ISIT 2024", question: "Édition NR Procure", scaleLabels: "Échelle ADEME/ANCT" });
    const soci01 = data.questions.find((q) => q.id === "SOCI-01");
    expect(soci01?.scope).toBe("contract");
    expect(soci01?.contractText).toMatch(/présent marché/);
    // SOCI-01 guidance cites Regulation (EU) 2017/821 and the duty-of-vigilance law, each with its official link.
    expect(soci01?.legalSources.map((s) => s.key)).toEqual(expect.arrayContaining(["eu:reg:2017/821", "loi:2017-399"]));
    for (const s of soci01?.legalSources ?? []) expect(s.url).toMatch(/^https:\/\/(eur-lex\.europa\.eu|www\.legifrance\.gouv\.fr)\//);
  });

  it("follows ?version= and answers 404 for an unknown criterion or version", async () => {
    const old = (await guideCriterionLoader(args("/guide/fin-de-vie?version=2024.1-nrprocure", { criterion: "fin-de-vie" }))) as CriterionData;
    expect(old.version).toBe("2024.1-nrprocure");
    expect(old.questions.map((q) => q.id)).toContain("FDV-06");
    expect(old.questions.every((q) => q.scope === undefined)).toBe(true);
    expect(await thrownStatus(() => guideCriterionLoader(args("/guide/inconnu", { criterion: "inconnu" })))).toBe(404);
    expect(await thrownStatus(() => guideCriterionLoader(args("/guide/fin-de-vie?version=x", { criterion: "fin-de-vie" })))).toBe(404);
  });
});

describe("GET /guide/changements", () => {
  type ChangesData = {
    from: string | null;
    to: string;
    comparison: {
      counts: { added: number; removed: number; changed: number; unchanged: number };
      notes: { questions: string[]; summary: string }[];
      questions: { id: string; status: string; changes: { field: string }[] }[];
    } | null;
  };

  it("compares the current edition with the previous one by default, question by question", async () => {
    const data = (await guideChangesLoader(args("/guide/changements"))) as ChangesData;
    expect(data).toMatchObject({ from: "2024.1-nrprocure", to: CURRENT_GUIDE_VERSION });
    const byId = new Map(data.comparison?.questions.map((q) => [q.id, q]));
    expect(byId.get("FDV-06")?.status).toBe("removed");
    expect(byId.get("FDV-07")?.status).toBe("added");
    const fields = (id: string) => byId.get(id)?.changes.map((c) => c.field) ?? [];
    // Scope, contract wording, descriptors and topic changes are all listed.
    expect(fields("SERV-01")).toEqual(expect.arrayContaining(["scope", "contractText", "topicTag"]));
    expect(fields("FDV-03")).toEqual(expect.arrayContaining(["text", "levels"]));
    expect(fields("ACHA-03")).toContain("levels");
    expect(data.comparison?.counts).toEqual({ added: 1, removed: 1, changed: 46, unchanged: 0 });
    expect(data.comparison?.notes.some((n) => n.questions.includes("GOUV-06") && /Numérique Responsable/.test(n.summary))).toBe(true);
  });

  it("compares any two editions on request and answers 404 for an unknown one", async () => {
    const reverse = (await guideChangesLoader(args(`/guide/changements?depuis=${CURRENT_GUIDE_VERSION}&vers=2024.1-nrprocure`))) as ChangesData;
    expect(reverse.comparison?.questions.find((q) => q.id === "FDV-06")?.status).toBe("added");
    expect(reverse.comparison?.notes).toEqual([]);
    const first = (await guideChangesLoader(args("/guide/changements?vers=2024.1-nrprocure"))) as ChangesData;
    expect(first.comparison).toBeNull();
    expect(await thrownStatus(() => guideChangesLoader(args("/guide/changements?depuis=inconnue")))).toBe(404);
  });
});
