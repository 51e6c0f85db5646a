import { maturityScale } from "../../../questionnaires/maturity-scale";

export type LevelOption = { level: number; label: string; descriptor: string };

/** The five levels for one question: the question's own descriptors when it has them, else the generic scale. */
export function levelOptions(questionLevels: Readonly<Record<"1" | "2" | "3" | "4" | "5", string>> | undefined): LevelOption[] {
  return maturityScale.map((entry) => ({
    level: entry.level,
    label: entry.label,
    descriptor: questionLevels?.[String(entry.level) as "1" | "2" | "3" | "4" | "5"] ?? entry.descriptor,
  }));
}

export function levelLabel(level: number | null): string {
  if (level === null) return "aucun niveau";
  const entry = maturityScale[level - 1];
  return entry ? `${level} — ${entry.label}` : String(level);
}
