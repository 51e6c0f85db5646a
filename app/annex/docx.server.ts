import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from "docx";
import { formatParis } from "~/lib/dates";
import type { AnnexModel } from "./model.server";

/**
 * The NR annex as a Word document (docx library): the same model as the HTML page. Text is
 * passed as runs, never as markup, so supplier- or buyer-typed values cannot inject XML.
 */
const frFormat2 = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 2 });
const fr = (n: number) => frFormat2.format(n);

function cell(text: string, bold = false) {
  return new TableCell({ children: [new Paragraph({ children: [new TextRun({ text, bold })] })] });
}

function table(header: string[], rows: string[][]) {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [new TableRow({ tableHeader: true, children: header.map((h) => cell(h, true)) }), ...rows.map((r) => new TableRow({ children: r.map((c) => cell(c)) }))],
  });
}

export async function renderAnnexDocx(model: AnnexModel): Promise<Buffer> {
  const t = model.tender;
  const children: (Paragraph | Table)[] = [
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(`Annexe numérique responsable — ${t.title}`)] }),
    new Paragraph({ children: [new TextRun({ text: `Référence : ${t.reference} · ${t.organisationName}`, bold: true })] }),
    new Paragraph(`Segment d'achat : ${t.segmentLabel}`),
    new Paragraph(`Date limite de réponse : ${formatParis(t.deadline, "long")} (heure de Paris)`),
    new Paragraph(
      model.frozen
        ? `Méthode publiée le ${formatParis(t.publishedAt!, "long")} — empreinte SHA-256 ${t.methodSha256}`
        : "Projet : la méthode pourra encore changer jusqu'à la publication de la consultation.",
    ),
    new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun("1. Clauses")] }),
  ];
  if (model.clauses.length === 0) children.push(new Paragraph("Aucune clause retenue."));
  model.clauses.forEach((c, i) => {
    children.push(new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(`1.${i + 1} ${c.title}`)] }));
    children.push(new Paragraph({ children: [new TextRun({ text: `${c.kindLabel} · ${c.targetDocument} · ${c.segmentLabel} · ${c.id}`, italics: true })] }));
    if (c.text !== null) {
      for (const line of c.text.split("\n")) children.push(new Paragraph({ alignment: AlignmentType.JUSTIFIED, children: [new TextRun(line)] }));
    } else {
      for (const e of c.errors) children.push(new Paragraph({ children: [new TextRun({ text: `À compléter — ${e.message}`, color: "B3261E" })] }));
    }
  });

  children.push(new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun("2. Questionnaire de maturité et pondérations")] }));
  children.push(
    new Paragraph(
      `Répartition de la note : prix ${fr(model.shares.price)} % · valeur technique ${fr(model.shares.technical)} % · RSE ${fr(model.shares.rse)} %. Prix : ${model.priceMethodLabel}.`,
    ),
  );
  children.push(new Paragraph(`${model.questionCount} questions du guide (version ${model.guideVersion}). ${model.guideSource}`));
  children.push(
    table(
      ["Critère", "Poids", "Part de la note finale"],
      model.criteria.map((c) => [`${c.number}. ${c.title}`, fr(c.weight), `${fr(c.markShare)} %`]),
    ),
  );
  for (const c of model.criteria) {
    children.push(new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(`${c.number}. ${c.title}`)] }));
    children.push(
      table(
        ["Question", "Intitulé", "Poids", "Part de la note", "Non applicable admis"],
        c.questions.map((q) => [q.id, q.text, fr(q.weight), `${fr(q.markShare)} %`, q.allowNotApplicable ? "oui" : "non"]),
      ),
    );
  }

  children.push(new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun("3. Méthode de notation")] }));
  for (const b of model.methodBlocks) {
    if (b.kind === "heading") children.push(new Paragraph({ heading: b.level <= 3 ? HeadingLevel.HEADING_2 : HeadingLevel.HEADING_3, children: [new TextRun(b.text)] }));
    else if (b.kind === "bullet") children.push(new Paragraph({ bullet: { level: 0 }, children: [new TextRun(b.text)] }));
    else if (b.kind === "code") children.push(new Paragraph({ children: [new TextRun({ text: b.text, font: "Consolas" })] }));
    else children.push(new Paragraph(b.text));
  }

  children.push(new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun("4. Facteurs d'émission propres au fournisseur")] }));
  children.push(
    new Paragraph(
      "Le titulaire fournit, pour ce qu'il vend, ses facteurs d'émission au format CSV du portail NR Procure (modèle téléchargeable dans le portail), une ligne par facteur. En-têtes acceptés en anglais ou sous leur alias français :",
    ),
  );
  children.push(
    table(
      ["Colonne", "Alias français", "Obligatoire", "Contenu"],
      model.factorColumns.map((c) => [c.name, c.french, c.required ? "oui" : "non", c.description]),
    ),
  );

  const doc = new Document({
    creator: "NR Procure",
    title: `Annexe NR — ${t.title}`,
    description: `Annexe numérique responsable de la consultation ${t.reference}`,
    sections: [{ children }],
  });
  return Packer.toBuffer(doc);
}
