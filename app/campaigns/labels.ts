export const campaignStatusLabels: Record<string, string> = { published: "En cours", closed: "Clôturée", cancelled: "Annulée", draft: "Brouillon" };
