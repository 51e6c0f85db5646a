import { describe, expect, it } from "vitest";
import { attachmentDisposition } from "~/lib/content-disposition";
import { cleanFileName, MAX_FILE_NAME } from "~/lib/format";
import { readForm } from "~/lib/multipart.server";

const odd = ["a=b.pdf", "a;b.pdf", 'x" onerror=".pdf', "Évaluation — été 2024 ✓.pdf", "它的报告.pdf", "it's (1)*!.pdf", "100%.pdf"];

/** What a browser sends for a file input, through the same FormData serialisation (undici). */
function multipart(name: string, content = "%PDF-1.7\n") {
  const fd = new FormData();
  fd.set("intent", "upload");
  fd.set("file", new Blob([content], { type: "application/pdf" }), name);
  return new Request("http://localhost/", { method: "POST", body: fd });
}

describe("multipart forms (busboy)", () => {
  it("reads any file name, including the ones Remix's parser refused with a 500", async () => {
    for (const name of odd) {
      const form = await readForm(multipart(name), { maxPartBytes: 1000, tooLargeMessage: "trop gros" });
      const file = form.get("file") as File;
      expect(file.name).toBe(name);
      expect(await file.text()).toBe("%PDF-1.7\n");
      expect(form.get("intent")).toBe("upload");
    }
  });

  it("refuses a part over the limit as too large (413), in French", async () => {
    await expect(readForm(multipart("gros.pdf", "x".repeat(2000)), { maxPartBytes: 1000, tooLargeMessage: "Le fichier est trop gros." })).rejects.toMatchObject({
      code: "too-large",
      message: "Le fichier est trop gros.",
    });
  });

  it("refuses a truncated body as invalid (400), not a 500", async () => {
    const full = await multipart("a.pdf").arrayBuffer();
    const request = new Request("http://localhost/", {
      method: "POST",
      body: full.slice(0, full.byteLength - 30),
      headers: { "Content-Type": multipart("a.pdf").headers.get("Content-Type")! },
    });
    await expect(readForm(request, { maxPartBytes: 1000, tooLargeMessage: "x" })).rejects.toMatchObject({ code: "invalid" });
  });

  it("hands file parts to a file handler first (streamed uploads)", async () => {
    const seen: string[] = [];
    const form = await readForm(multipart("a=b.csv", "libelle;valeur\n"), {
      maxPartBytes: 10,
      tooLargeMessage: "x",
      fileHandler: async ({ filename, data }) => {
        let text = "";
        for await (const chunk of data) text += new TextDecoder().decode(chunk);
        seen.push(`${filename}:${text}`);
        return filename;
      },
    });
    expect(seen).toEqual(["a=b.csv:libelle;valeur\n"]);
    expect(form.get("file")).toBe("a=b.csv");
  });
});

describe("display names", () => {
  it("keep every printable character, drop paths, control and bidi-override characters", () => {
    for (const name of odd) expect(cleanFileName(name)).toBe(name);
    expect(cleanFileName("..\\..\\etc/passwd\u0000.pdf")).toBe("passwd.pdf");
    expect(cleanFileName("facture\u202Efdp.exe")).toBe("facturefdp.exe");
    expect(cleanFileName("  \u0007 ")).toBe("fichier");
  });

  it("cut very long names but keep the extension", () => {
    const long = cleanFileName(`${"é".repeat(500)}.docx`);
    expect([...long]).toHaveLength(MAX_FILE_NAME);
    expect(long.endsWith("….docx")).toBe(true);
  });
});

describe("download header (RFC 6266)", () => {
  it("gives the exact name as filename* and a plain ASCII fallback, for any name", () => {
    for (const name of [...odd, "a\\b.pdf", "x".repeat(300)]) {
      const header = attachmentDisposition(name);
      const m = /^attachment; filename="([ -~]*)"; filename\*=UTF-8''([A-Za-z0-9%._~-]+)$/.exec(header);
      expect(m, header).not.toBeNull();
      expect(m![1]).not.toMatch(/["\\%;]/);
      expect(decodeURIComponent(m![2]!)).toBe(name);
    }
    expect(attachmentDisposition("Évaluation été.pdf")).toBe(`attachment; filename="Evaluation ete.pdf"; filename*=UTF-8''%C3%89valuation%20%C3%A9t%C3%A9.pdf`);
    expect(attachmentDisposition('x" onerror=".pdf')).toBe(`attachment; filename="x_ onerror__.pdf"; filename*=UTF-8''x%22%20onerror%3D%22.pdf`);
  });
});
