import type { Role } from "#db/schema";

const labels: Record<Role, string> = {
  buyer: "acheteur",
  evaluator: "évaluateur",
  supplier: "fournisseur",
  rse: "équipe RSE",
  admin: "administrateur",
};

export function roleLabel(role: Role | string): string {
  return labels[role as Role] ?? role;
}

export function MembersTable({ members }: { members: { name: string; email: string; role: Role }[] }) {
  return (
    <table className="data">
      <caption className="muted" style={{ textAlign: "left" }}>
        Membres de votre organisation
      </caption>
      <thead>
        <tr>
          <th scope="col">Nom</th>
          <th scope="col">E-mail</th>
          <th scope="col">Rôle</th>
        </tr>
      </thead>
      <tbody>
        {members.map((m) => (
          <tr key={`${m.email}-${m.role}`}>
            <td>{m.name}</td>
            <td>{m.email}</td>
            <td>{roleLabel(m.role)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
