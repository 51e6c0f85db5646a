import { describe, expect, it } from "vitest";
import Papa from "papaparse";
import { loader as guideJsonLoader } from "~/routes/guide[.]json";
import { loader as guideCsvLoader } from "~/routes/guide[.]csv";
import { loader as guideIndexLoader } from "~/routes/guide._index";

describe("GET /guide.json", () => {
  it("returns the whole guide in the published shape: 10 criteria, 47 questions", async () => {
    const response = await guideJsonLoader();
    const body = (await response.json()) as {
      version: string;
      source: string;
      licence: string;
      criteria: { id: string; title: string; description: string }[];
      questions: { id: string; criterion: string; text: string; guidance: string }[];
    };
    expect(Object.keys(body).sort()).toEqual(["criteria", "licence", "questions", "source", "version"]);
    expect(body.criteria).toHaveLength(10);
    expect(body.questions).toHaveLength(47);
    const criterionIds = new Set(body.criteria.map((c) => c.id));
    for (const q of body.questions) {
      expect(Object.keys(q).sort()).toEqual(["criterion", "guidance", "id", "text"]);
      expect(criterionIds.has(q.criterion)).toBe(true);
    }
    expect(new Set(body.questions.map((q) => q.id)).size).toBe(47);
    for (const c of body.criteria) expect(body.questions.some((q) => q.criterion === c.id)).toBe(true);
    expect(body.source).toContain("INR");
  });
});

describe("GET /guide.csv", () => {
  it("is UTF-8 with BOM, ; separated, one row per question, accents intact", async () => {
    const response = await guideCsvLoader();
    expect(response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("Content-Disposition")).toMatch(/^attachment; filename="guide-maturite-nr-.*\.csv"$/);
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder("utf-8").decode(bytes.slice(3));
    const parsed = Papa.parse<string[]>(text.trimEnd(), { delimiter: ";" });
    expect(parsed.errors).toEqual([]);
    const [header, ...rows] = parsed.data;
    expect(header?.[0]).toBe("identifiant");
    expect(header).toContain("critère");
    expect(rows).toHaveLength(47);
    expect(text).toContain("Équipements");
  });
});

describe("GET /guide?q=", () => {
  it("filters questions with all the words, ignoring case and accents", async () => {
    const data = (await guideIndexLoader({ request: new Request("http://localhost/guide?q=REEMPLOI"), params: {}, context: {} })) as {
      results: { id: string }[] | null;
    };
    expect(data.results?.length).toBeGreaterThan(0);
    const none = (await guideIndexLoader({ request: new Request("http://localhost/guide?q=reemploi%20xylophone"), params: {}, context: {} })) as {
      results: unknown[] | null;
    };
    expect(none.results).toEqual([]);
  });
});
