/**
 * How the outbox page says where a message is (pure, browser-safe). Statuses: decision 015.
 */
import type { OutboxStatus } from "#db/schema/tenders";
import { formatParis } from "~/lib/dates";
import { frCount } from "~/lib/format";

export type OutboxRowView = {
  status: OutboxStatus;
  attempts: number;
  sentAt: string | null;
  lastAttemptAt: string | null;
  nextAttemptAt: string | null;
  lastError: string | null;
};

export type DeliveryState = "sent" | "waiting" | "manual" | "retrying" | "given-up";

export function deliveryState(m: OutboxRowView, smtpEnabled: boolean): DeliveryState {
  if (m.status === "sent") return "sent";
  if (m.status === "failed") return m.nextAttemptAt ? "retrying" : "given-up";
  return smtpEnabled ? "waiting" : "manual";
}

export const deliveryBadge: Record<DeliveryState, string> = {
  sent: "badge",
  waiting: "badge badge--warn",
  manual: "badge badge--warn",
  retrying: "badge badge--warn",
  "given-up": "badge badge--danger",
};

export function deliveryLabel(m: OutboxRowView, smtpEnabled: boolean): string {
  switch (deliveryState(m, smtpEnabled)) {
    case "sent":
      return `Envoyé le ${formatParis(m.sentAt, "numeric")}`;
    case "waiting":
      return "En attente d'envoi";
    case "manual":
      return "Non envoyé — à transmettre vous-même";
    case "retrying":
      return `Échec, nouvel essai le ${formatParis(m.nextAttemptAt, "numeric")} (${frCount(m.attempts, "tentative")})`;
    case "given-up":
      return m.attempts > 0 ? `Abandonné après ${frCount(m.attempts, "tentative")}` : "Non envoyé";
  }
}
