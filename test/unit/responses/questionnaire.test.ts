import { describe, expect, it } from "vitest";
import { computeProgress } from "~/responses/progress";
import { formDataToNested } from "~/lib/forms";
import { answerProblems, MESSAGES, questionnaireSchema, saveRequestSchema } from "~/responses/schemas";
import { cleanFileName } from "~/lib/format";
import { checkEvidence } from "~/responses/uploads";
import { countdown } from "~/lib/dates";

const a = (over: Partial<{ level: number | null; text: string; notApplicable: boolean; notApplicableReason: string; reused: boolean }> = {}) => ({
  level: null,
  text: "",
  notApplicable: false,
  notApplicableReason: "",
  reused: false,
  ...over,
});

describe("completeness rules", () => {
  it("requires text from level 2 up, a reason for N/A, and N/A only where allowed", () => {
    expect(answerProblems(a({ level: 1 }), false)).toEqual([]);
    expect(answerProblems(a({ level: 2, text: "  " }), false)[0]?.message).toBe(MESSAGES.textRequired);
    expect(answerProblems(a(), false)[0]?.kind).toBe("unanswered");
    expect(answerProblems(a({ notApplicable: true }), true)[0]?.message).toBe(MESSAGES.reasonRequired);
    expect(answerProblems(a({ notApplicable: true, notApplicableReason: "x" }), false)[0]?.message).toBe(MESSAGES.naNotAllowed);
  });

  it("gives the same French errors through the shared zod schema", () => {
    const schema = questionnaireSchema([{ id: "GOUV-01", allowNotApplicable: false }], "complete");
    const r = schema.safeParse({ answers: { "GOUV-01": { level: "3", text: "", notApplicable: false, notApplicableReason: "", reused: false } } });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path).toEqual(["answers", "GOUV-01", "text"]);
    expect(r.error?.issues[0]?.message).toContain("obligatoire à partir du niveau 2");
  });

  it("counts progress per criterion and lists what blocks the submission", () => {
    const qs = [
      { id: "A-01", criterion: "a", allowNotApplicable: false },
      { id: "A-02", criterion: "a", allowNotApplicable: true },
      { id: "B-01", criterion: "b", allowNotApplicable: false },
      { id: "B-02", criterion: "b", allowNotApplicable: false },
    ];
    const p = computeProgress(qs, { "A-01": a({ level: 3, text: "ok" }), "A-02": a({ notApplicable: true, notApplicableReason: "pas de DC" }), "B-01": a({ level: 4 }), "B-02": a({ level: 1, reused: true }) });
    expect(p.byCriterion).toEqual({ a: { total: 2, complete: 2 }, b: { total: 2, complete: 0 } });
    expect(p.incomplete).toEqual(["B-01"]);
    expect(p.reused).toEqual(["B-02"]);
  });
});

describe("form parsing", () => {
  it("unflattens dotted names, ignores prototype keys, normalises CRLF and checkboxes", () => {
    const fd = new FormData();
    fd.set("version", "3");
    fd.set("answers.GOUV-01.level", "2");
    fd.set("answers.GOUV-01.text", "a\r\nb");
    fd.set("answers.GOUV-01.notApplicable", "on");
    fd.set("answers.__proto__.polluted", "x");
    fd.set("orig.GOUV-01", "abc");
    const parsed = saveRequestSchema.parse(formDataToNested(fd));
    expect(parsed.version).toBe(3);
    expect(parsed.answers["GOUV-01"]).toEqual({ level: 2, text: "a\nb", notApplicable: true, notApplicableReason: "", reused: false });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(saveRequestSchema.safeParse(formDataToNested([["answers.X.level", "9"], ["version", "0"]])).success).toBe(false);
  });
});

describe("evidence checks", () => {
  const base = { maxFileBytes: 100, usedBytes: 0, maxTenderBytes: 150 };
  const bytes = (s: string | number[]) => (typeof s === "string" ? new TextEncoder().encode(s) : new Uint8Array(s));
  it("accepts by extension and magic bytes, refuses the rest", () => {
    expect(checkEvidence({ ...base, name: "a.pdf", bytes: bytes("%PDF-1.4") })).toMatchObject({ ok: true, mime: "application/pdf" });
    expect(checkEvidence({ ...base, name: "a.pdf", bytes: bytes("<html>") })).toMatchObject({ ok: false, code: "unsupported-type" });
    expect(checkEvidence({ ...base, name: "a.html", bytes: bytes("%PDF-1.4") })).toMatchObject({ ok: false, code: "unsupported-type" });
    expect(checkEvidence({ ...base, name: "a.xls", bytes: bytes([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]) })).toMatchObject({ ok: true });
    expect(checkEvidence({ ...base, name: "a.pdf", bytes: bytes("%PDF-".padEnd(101, "x")) })).toMatchObject({ ok: false, code: "too-large" });
    expect(checkEvidence({ ...base, usedBytes: 100, name: "a.pdf", bytes: bytes("%PDF-".padEnd(60, "x")) })).toMatchObject({ ok: false, code: "too-large" });
    expect(cleanFileName("..\\..\\etc/passwd\u0000.pdf")).toBe("passwd.pdf");
  });
});

describe("deadline countdown", () => {
  it("shows a countdown only under 72 hours", () => {
    const now = new Date("2026-03-01T10:00:00Z");
    expect(countdown("2026-03-05T10:00:00Z", now)).toBeNull();
    expect(countdown("2026-03-03T15:30:00Z", now)).toBe("plus que 2 j 5 h");
    expect(countdown("2026-03-01T12:05:00Z", now)).toBe("plus que 2 h 05 min");
    expect(countdown("2026-03-01T09:00:00Z", now)).toBeNull();
  });
});
