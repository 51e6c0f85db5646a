/**
 * Improvement-plan rules (issue 14 §3), pure: who may move an action from one status to another.
 * An action is proposed by either side; it becomes `agreed` once BOTH the buying organisation and
 * the supplier agreed; then the supplier reports progress (`in-progress`, `done` with evidence); the
 * buying side may reopen a `done` action whose evidence does not convince, and either side may
 * abandon an action not done yet (with a reason).
 */
import type { ActionStatus } from "#db/schema";

export type Side = "buyer" | "supplier";

export const actionStatusLabels: Record<ActionStatus, string> = {
  proposed: "Proposée",
  agreed: "Convenue",
  "in-progress": "En cours",
  done: "Réalisée",
  abandoned: "Abandonnée",
};

type Transition = { from: ActionStatus; to: ActionStatus; by: Side; needsNote: boolean };

const transitions: Transition[] = [
  { from: "agreed", to: "in-progress", by: "supplier", needsNote: false },
  { from: "agreed", to: "done", by: "supplier", needsNote: true },
  { from: "in-progress", to: "done", by: "supplier", needsNote: true },
  { from: "done", to: "in-progress", by: "buyer", needsNote: true },
  { from: "proposed", to: "abandoned", by: "buyer", needsNote: true },
  { from: "proposed", to: "abandoned", by: "supplier", needsNote: true },
  { from: "agreed", to: "abandoned", by: "buyer", needsNote: true },
  { from: "agreed", to: "abandoned", by: "supplier", needsNote: true },
  { from: "in-progress", to: "abandoned", by: "buyer", needsNote: true },
  { from: "in-progress", to: "abandoned", by: "supplier", needsNote: true },
];

/** Null when allowed, else the French reason. `hasEvidence`: a note or a file comes with the change. */
export function transitionRefusal(from: ActionStatus, to: ActionStatus, by: Side, hasEvidence: boolean): string | null {
  const t = transitions.find((x) => x.from === from && x.to === to && x.by === by);
  if (!t) {
    if (from === "proposed") return "L'action doit d'abord être convenue par les deux parties.";
    return `Passage de « ${actionStatusLabels[from]} » à « ${actionStatusLabels[to]} » non autorisé ${by === "buyer" ? "à l'acheteur" : "au fournisseur"}.`;
  }
  if (t.needsNote && !hasEvidence)
    return to === "done" ? "Joignez une preuve (note ou fichier) pour déclarer l'action réalisée." : "Indiquez la raison du changement.";
  return null;
}

/** Statuses a side may move an action to from `from` (for the form). */
export function nextStatuses(from: ActionStatus, by: Side): ActionStatus[] {
  return transitions.filter((t) => t.from === from && t.by === by).map((t) => t.to);
}

/** Agreement: an action becomes `agreed` when both sides agreed; agreeing twice changes nothing. */
export function afterAgreement(a: { status: ActionStatus; agreedByBuyerAt: string | null; agreedBySupplierAt: string | null }, by: Side, at: string) {
  if (a.status !== "proposed") return null;
  const buyer = by === "buyer" ? (a.agreedByBuyerAt ?? at) : a.agreedByBuyerAt;
  const supplier = by === "supplier" ? (a.agreedBySupplierAt ?? at) : a.agreedBySupplierAt;
  return { agreedByBuyerAt: buyer, agreedBySupplierAt: supplier, status: (buyer && supplier ? "agreed" : "proposed") as ActionStatus };
}

/** Whether the criterion moved between the campaign that agreed the action and a later one. */
export function criterionMove(baseline: number | null, later: number | null): "up" | "down" | "same" | "unknown" {
  if (baseline === null || later === null) return "unknown";
  if (later > baseline) return "up";
  if (later < baseline) return "down";
  return "same";
}

export const criterionMoveLabels = { up: "en progrès", down: "en recul", same: "inchangé", unknown: "non mesuré" } as const;
