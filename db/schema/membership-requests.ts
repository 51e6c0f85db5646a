import { id, index, integer, now, table, text } from "./columns";
import { organisations, users } from "./accounts";
import { invitations } from "./tenders";


export const membershipRequestDecisions = ["confirmed", "rejected"] as const;

/**
 * A person who followed an invitation link and asked to join a supplier organisation that already
 * exists on the portal (same exact name). They get a user account but no membership until an
 * existing member of that organisation confirms; the invitation is accepted on confirmation.
 * An open request (no decision) holds the invitation: nobody else can use its link meanwhile.
 */
export const membershipRequests = table(
  "membership_requests",
  {
    id: id(),
    userId: integer("user_id").notNull().references(() => users.id),
    organisationId: integer("organisation_id").notNull().references(() => organisations.id),
    invitationId: integer("invitation_id").notNull().references(() => invitations.id),
    createdAt: text("created_at").notNull().default(now),
    decision: text("decision", { enum: membershipRequestDecisions }),
    decidedAt: text("decided_at"),
    decidedBy: integer("decided_by").references(() => users.id),
  },
  (t) => [index("membership_requests_org").on(t.organisationId), index("membership_requests_invitation").on(t.invitationId)],
);
