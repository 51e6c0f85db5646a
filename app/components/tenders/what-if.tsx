import { useEffect, useRef, useState } from "react";
import type { ScoringInput } from "#scoring";
import type { Simulation, SimulationOutcome } from "./simulation";

export type { Simulation, SimulationOutcome } from "./simulation";

/**
 * What-if panel: moves shares and criterion weights and re-scores with the scoring library. The
 * first outcome (the URL's settings, or the published ones) is computed by the loader on the
 * server; in the browser the scoring library is loaded on the first change only (`import()`), so
 * the page's JavaScript does not carry it (issue 16). Without JavaScript it is a GET form: the
 * page renders the same computation server-side. The published method never changes.
 */
export function WhatIfPanel({
  inputUrl,
  names,
  criteria,
  initial,
  initialOutcome,
  publishedRanks,
  hidden,
}: {
  /** Where the published scoring input is fetched from, on the first change (resource route). */
  inputUrl: string;
  names: Record<string, string>;
  criteria: { id: string; title?: string; shortTitle: string }[];
  initial: Simulation;
  initialOutcome: SimulationOutcome;
  publishedRanks: Record<string, number>;
  hidden: Record<string, string>;
}) {
  const [sim, setSim] = useState<Simulation>(initial);
  const [outcome, setOutcome] = useState<SimulationOutcome>(initialOutcome);
  const changed = useRef(false);
  // The scoring library and the published input, loaded together on the first change and kept.
  const engine = useRef<Promise<{ simulate: (input: ScoringInput, sim: Simulation) => SimulationOutcome; input: ScoringInput }> | null>(null);
  useEffect(() => {
    if (!changed.current) return;
    let current = true;
    engine.current ??= Promise.all([
      import("./simulation"),
      fetch(inputUrl, { headers: { Accept: "application/json" } }).then(async (r) => {
        if (!r.ok) throw new Error(`simulation input: ${r.status}`);
        return ((await r.json()) as { input: ScoringInput }).input;
      }),
    ]).then(([m, input]) => ({ simulate: m.simulate, input }));
    engine.current.then(
      ({ simulate, input }) => {
        if (current) setOutcome(simulate(input, sim));
      },
      () => {
        engine.current = null;
        if (current) setOutcome({ ok: false, issues: ["La simulation n'a pas pu être chargée : rechargez la page."] });
      },
    );
    return () => {
      current = false;
    };
  }, [inputUrl, sim]);
  const update = (next: Simulation) => {
    changed.current = true;
    setSim(next);
  };
  const num = (v: string) => {
    const n = Number(v.replace(",", "."));
    return Number.isFinite(n) ? n : 0;
  };
  return (
    <section className="card simulation" aria-labelledby="whatif-title">
      <h2 id="whatif-title">Simulation</h2>
      <p className="alert alert--warn">
        <strong>Simulation — la méthode publiée ne change pas.</strong> Ces réglages ne sont ni enregistrés ni communiqués aux fournisseurs.
      </p>
      <form method="get" onSubmit={(e) => e.preventDefault()}>
        {Object.entries(hidden).map(([k, v]) => (
          <input key={k} type="hidden" name={k} value={v} />
        ))}
        <div className="builder__shares">
          {(["price", "technical", "rse"] as const).map((k) => (
            <div key={k} className="field">
              <label htmlFor={`sim-${k}`}>{k === "price" ? "Prix simulé (%)" : k === "technical" ? "Valeur technique simulée (%)" : "RSE simulée (%)"}</label>
              <input
                id={`sim-${k}`}
                type="number"
                step="any"
                name={`sim.${k}`}
                value={sim[k]}
                onChange={(e) => update({ ...sim, [k]: num(e.target.value) })}
              />
            </div>
          ))}
        </div>
        <div className="field">
          <label htmlFor="sim-rse-range">Part RSE simulée (curseur : prix et technique ajustés en proportion)</label>
          <input
            id="sim-rse-range"
            type="range"
            min={0}
            max={30}
            step={0.5}
            value={sim.rse}
            onChange={(e) => {
              const rse = num(e.target.value);
              const rest = sim.price + sim.technical;
              const k = rest > 0 ? (100 - rse) / rest : 0;
              update({ ...sim, rse, price: Math.round(sim.price * k * 100) / 100, technical: Math.round((100 - rse - Math.round(sim.price * k * 100) / 100) * 100) / 100 });
            }}
          />
        </div>
        <details>
          <summary>Poids des critères</summary>
          <div className="builder__grid">
            {criteria.map((c) => (
              <div key={c.id} className="field">
                <label htmlFor={`sim-w-${c.id}`}>Poids simulé — {c.title ?? c.shortTitle}</label>
                <input
                  id={`sim-w-${c.id}`}
                  type="number"
                  step="any"
                  min={0}
                  name={`sim.w.${c.id}`}
                  value={sim.weights[c.id] ?? 1}
                  onChange={(e) => update({ ...sim, weights: { ...sim.weights, [c.id]: num(e.target.value) } })}
                />
              </div>
            ))}
          </div>
        </details>
        <noscript>
          <button type="submit" className="button button--secondary" formMethod="get">
            Recalculer
          </button>
        </noscript>
      </form>
      {outcome.ok ? (
        <>
          <table className="data" aria-live="polite">
            <caption className="muted" style={{ textAlign: "left" }}>
              Classement simulé
            </caption>
            <thead>
              <tr>
                <th scope="col">Rang simulé</th>
                <th scope="col">Fournisseur</th>
                <th scope="col" className="num">
                  Note simulée
                </th>
                <th scope="col">Rang publié</th>
              </tr>
            </thead>
            <tbody>
              {outcome.suppliers.map((s) => (
                <tr key={s.id}>
                  <td>{s.rank}</td>
                  <td>{names[s.id] ?? s.id}</td>
                  <td className="num">{String(s.total).replace(".", ",")}</td>
                  <td>{publishedRanks[s.id]}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p>{outcome.stability}</p>
        </>
      ) : (
        <div className="alert alert--error" role="alert">
          <p>Réglages impossibles :</p>
          <ul>
            {outcome.issues.map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
