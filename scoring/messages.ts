/**
 * French message helpers shared by the zod schemas and the lawful-award rules. Messages are written
 * on each schema so that a buyer reading the portal (or the CLI) sees French.
 */
import type { z } from "zod";

/** French rendering of a number: decimal comma, full precision (a sum of 99.99999 must not read "100"). */
export function frNumber(n: number): string {
  return String(n).replace(".", ",");
}

/** "2026-10-01" → "01/10/2026" (French date order); anything else unchanged. */
export function frDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

/** Short French description of an offending value, for "reçu …" in messages. */
export function show(input: unknown): string {
  if (input === undefined) return "rien";
  if (input === null) return "null";
  if (typeof input === "number") return Number.isFinite(input) ? frNumber(input) : String(input);
  if (typeof input === "string") return `« ${input.length > 40 ? `${input.slice(0, 40)}…` : input} »`;
  if (typeof input === "boolean") return String(input);
  if (Array.isArray(input)) return "un tableau";
  if (typeof input === "object") return "un objet";
  return typeof input;
}

export type Issue = z.core.$ZodRawIssue;

/**
 * Message for a wrong or missing type: `label` is the subject ("Le prix"), `expected` what it must
 * be; `plural` agrees the verb with plural subjects ("Les réponses doivent…").
 */
export function typeError(label: string, expected: string, plural = false) {
  const [must, required] = plural ? ["doivent", "sont obligatoires"] : ["doit", "est obligatoire"];
  return (iss: Issue): string =>
    iss.input === undefined ? `${label} ${required} (${expected}).` : `${label} ${must} être ${expected} ; reçu ${show(iss.input)}.`;
}

/** Object schemas: French message for wrong type and for unknown keys (typos such as "weigth"). */
export function objectError(label: string, plural = false) {
  return (iss: Issue): string | undefined => {
    if (iss.code === "unrecognized_keys") {
      const keys = (iss.keys as string[]).map((k) => `« ${k} »`).join(", ");
      return iss.keys.length > 1 ? `Champs inconnus : ${keys}.` : `Champ inconnu : ${keys}.`;
    }
    if (iss.code === "invalid_type") return typeError(label, "un objet", plural)(iss);
    return undefined;
  };
}
