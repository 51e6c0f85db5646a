import fs from "node:fs";
import path from "node:path";

/**
 * The French statement of the scoring method, taken from scoring/README.md (its section
 * "## Méthode de notation (français)"), so that the annex always says what the engine does.
 */
const START = "## Méthode de notation (français)";
const END = "## Scoring method (English)";

export function frenchMethodText(readmePath = path.resolve("scoring/README.md")): string {
  const text = fs.readFileSync(readmePath, "utf8");
  const start = text.indexOf(START);
  const end = text.indexOf(END);
  if (start < 0 || end < start) throw new Error(`Section « ${START} » introuvable dans ${readmePath}`);
  return text.slice(start + START.length, end).trim();
}

export type MethodBlock =
  | { kind: "heading"; level: number; text: string }
  | { kind: "paragraph"; text: string }
  | { kind: "bullet"; text: string }
  | { kind: "code"; text: string };

/** A small Markdown subset (headings, paragraphs, bullets, tables and code as plain lines). */
export function markdownBlocks(markdown: string): MethodBlock[] {
  const blocks: MethodBlock[] = [];
  let paragraph: string[] = [];
  let inCode = false;
  const flush = () => {
    if (paragraph.length) blocks.push({ kind: "paragraph", text: paragraph.join(" ") });
    paragraph = [];
  };
  for (const raw of markdown.split(/\r?\n/)) {
    const line = raw.trimEnd();
    if (line.startsWith("```")) {
      flush();
      inCode = !inCode;
      continue;
    }
    if (inCode) {
      blocks.push({ kind: "code", text: line });
      continue;
    }
    const heading = /^(#{2,6})\s+(.*)$/.exec(line);
    const bullet = /^\s*(?:[-*]|\d+\.)\s+(.*)$/.exec(line);
    if (heading) {
      flush();
      blocks.push({ kind: "heading", level: heading[1]!.length, text: stripInline(heading[2]!) });
    } else if (bullet) {
      flush();
      blocks.push({ kind: "bullet", text: stripInline(bullet[1]!) });
    } else if (line.startsWith("|")) {
      flush();
      if (/^\|[\s:|-]+\|$/.test(line)) continue;
      blocks.push({ kind: "code", text: line.split("|").slice(1, -1).map((c) => stripInline(c.trim())).join(" · ") });
    } else if (line.trim() === "") {
      flush();
    } else if (paragraph.length === 0 && /^\s/.test(line) && blocks.at(-1)?.kind === "bullet") {
      // A wrapped list item: its continuation lines are indented.
      const last = blocks.at(-1) as { kind: "bullet"; text: string };
      last.text += ` ${stripInline(line.trim())}`;
    } else {
      paragraph.push(stripInline(line.trim()));
    }
  }
  flush();
  return blocks;
}

function stripInline(text: string): string {
  return text.replace(/\*\*(.+?)\*\*/g, "$1").replace(/`([^`]+)`/g, "$1").replace(/\[([^\]]+)\]\([^)]+\)/g, "$1");
}
