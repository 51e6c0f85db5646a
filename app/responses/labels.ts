/** French labels of a supplier response's status (shared by server and pages). */
export const responseStatusLabels = {
  none: "Pas commencée",
  "in-progress": "En cours",
  submitted: "Déposée",
  withdrawn: "Dépôt retiré — à déposer de nouveau",
} as const;
