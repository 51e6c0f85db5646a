import { formatBytes } from "~/lib/format";
import { ACCEPTED_LABEL } from "~/responses/uploads";

/** What to know before answering: the guide's instructions and the evidence file rules. */
export function Instructions({ instructions, limits, usedBytes }: { instructions: string[]; limits: { fileBytes: number; tenderBytes: number }; usedBytes: number }) {
  return (
    <>
      <details className="card">
        <summary>Avant de répondre</summary>
        <ul>
          {instructions.map((i) => (
            <li key={i}>{i}</li>
          ))}
        </ul>
      </details>
      <p className="alert alert--info">
        Pièces justificatives acceptées : {ACCEPTED_LABEL}. Taille maximale : {formatBytes(limits.fileBytes)} par fichier, {formatBytes(limits.tenderBytes)} pour l'ensemble de la
        réponse (utilisé : {formatBytes(usedBytes)}). Sans JavaScript, enregistrez vos réponses avant de joindre un fichier.
      </p>
    </>
  );
}
