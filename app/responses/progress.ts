import { answerProblems, type AnswerDraft, type AnswerProblem } from "./schemas";

export type QuestionRef = { id: string; criterion: string; allowNotApplicable: boolean };
export type QuestionState = "complete" | "incomplete" | "unanswered" | "reused";

export function questionState(answer: AnswerDraft | undefined, allowNotApplicable: boolean): { state: QuestionState; problems: AnswerProblem[] } {
  const a = answer ?? { level: null, text: "", notApplicable: false, notApplicableReason: "", reused: false };
  const problems = answerProblems(a, allowNotApplicable);
  if (problems.some((p) => p.kind === "unanswered")) return { state: "unanswered", problems };
  if (problems.length) return { state: "incomplete", problems };
  if (a.reused) return { state: "reused", problems };
  return { state: "complete", problems };
}

export type Progress = {
  total: number;
  complete: number;
  byCriterion: Record<string, { total: number; complete: number }>;
  unanswered: string[];
  incomplete: string[];
  reused: string[];
};

/** Progress per criterion and overall; the lists feed the pre-submission check. */
export function computeProgress(questions: readonly QuestionRef[], answers: Readonly<Record<string, AnswerDraft | undefined>>): Progress {
  const p: Progress = { total: 0, complete: 0, byCriterion: {}, unanswered: [], incomplete: [], reused: [] };
  for (const q of questions) {
    const c = (p.byCriterion[q.criterion] ??= { total: 0, complete: 0 });
    c.total++;
    p.total++;
    const { state } = questionState(answers[q.id], q.allowNotApplicable);
    if (state === "complete") {
      c.complete++;
      p.complete++;
    } else if (state === "unanswered") p.unanswered.push(q.id);
    else if (state === "incomplete") p.incomplete.push(q.id);
    else p.reused.push(q.id);
  }
  return p;
}

export function percent(done: number, total: number): number {
  return total === 0 ? 0 : Math.round((100 * done) / total);
}
