import { activityUnits, methods, accountingBases } from "#questionnaires/emission-factors";
import { factorColumnSpecs } from "#emission-factors";
import { ColumnsTable } from "./columns-table";

/** The column contract of the emission-factor file, as published with the template. */
export function ColumnContract() {
  return (
    <>
      <ColumnsTable
        columns={factorColumnSpecs}
        englishNames
        caption="Une ligne par facteur. Chaque colonne est reconnue sous son nom français ou anglais (majuscules et accents ignorés)."
      />
      <details>
        <summary>Unités, méthodes et conventions acceptées</summary>
        <p>
          <strong>Unité</strong> : <code>&lt;masse&gt;CO2e/&lt;unité d'activité&gt;</code>, masse <code>g</code>, <code>kg</code> ou <code>t</code> ; unités d'activité :{" "}
          {activityUnits.map((u, i) => (
            <span key={u.id}>
              {i > 0 ? ", " : ""}
              <code>{u.canonical}</code> ({u.label})
            </span>
          ))}
          . Exemple : <code>kgCO2e/kWh</code>, <code>gCO2e/Go.mois</code>.
        </p>
        <p>
          <strong>Méthode</strong> :{" "}
          {methods.map((m, i) => (
            <span key={m.id}>
              {i > 0 ? ", " : ""}
              <code>{m.id}</code> ({m.label})
            </span>
          ))}
          . <strong>Comptabilisation</strong> :{" "}
          {accountingBases.map((a, i) => (
            <span key={a.id}>
              {i > 0 ? " ou " : ""}
              <code>{a.id}</code>
            </span>
          ))}
          .
        </p>
        <p>
          Fichiers acceptés : CSV en UTF-8 (avec ou sans BOM) ou Windows-1252, séparateur <code>;</code>, <code>,</code> ou tabulation (détecté), virgule décimale
          acceptée, espaces comme séparateurs de milliers, champs entre guillemets. Les colonnes inconnues sont conservées et signalées par un avertissement.
        </p>
      </details>
    </>
  );
}
