/**
 * Price and carbon footprint per offer, side by side (issue 12 §6): a table and a small scatter of
 * price (x) against footprint (y), drawn as plain SVG on the server (no chart library, no script).
 * The lower left corner is the best trade-off; each point carries the supplier's name.
 */
export type PriceFootprintPoint = { name: string; price: number; footprintKg: number };

const W = 520;
const H = 300;
const M = { left: 80, right: 20, top: 16, bottom: 44 };
const fr = (n: number, digits = 0) => n.toLocaleString("fr-FR", { maximumFractionDigits: digits });

/** A "nice" upper bound for an axis (1, 2, 2.5, 5 × 10^k). */
function niceMax(v: number): number {
  if (!(v > 0)) return 1;
  const p = 10 ** Math.floor(Math.log10(v));
  for (const m of [1, 2, 2.5, 5, 10]) if (v <= m * p) return m * p;
  return 10 * p;
}

export function PriceFootprintScatter({ points }: { points: PriceFootprintPoint[] }) {
  if (points.length === 0) return null;
  const maxX = niceMax(Math.max(...points.map((p) => p.price)) * 1.05);
  const maxY = niceMax(Math.max(...points.map((p) => p.footprintKg)) * 1.05);
  const x = (v: number) => M.left + (v / maxX) * (W - M.left - M.right);
  const y = (v: number) => H - M.bottom - (v / maxY) * (H - M.top - M.bottom);
  const ticks = [0, 0.25, 0.5, 0.75, 1];
  return (
    <figure style={{ margin: 0 }}>
      <svg viewBox={`0 0 ${W} ${H}`} width="100%" style={{ maxWidth: W }} role="img" aria-labelledby="pf-title" data-testid="price-footprint-scatter">
        <title id="pf-title">Prix (€ HT) et empreinte carbone (kgCO2e) de chaque offre</title>
        {ticks.map((t) => (
          <g key={t}>
            <line x1={x(0)} x2={x(maxX)} y1={y(t * maxY)} y2={y(t * maxY)} stroke="#ddd" />
            <text x={M.left - 6} y={y(t * maxY) + 4} textAnchor="end" fontSize="11">
              {fr(t * maxY)}
            </text>
            <text x={x(t * maxX)} y={H - M.bottom + 16} textAnchor="middle" fontSize="11">
              {fr(t * maxX)}
            </text>
          </g>
        ))}
        <line x1={x(0)} x2={x(0)} y1={y(0)} y2={y(maxY)} stroke="#555" />
        <line x1={x(0)} x2={x(maxX)} y1={y(0)} y2={y(0)} stroke="#555" />
        <text x={(M.left + W - M.right) / 2} y={H - 6} textAnchor="middle" fontSize="12">
          Prix de l'offre (€ HT)
        </text>
        <text x={14} y={(H - M.bottom + M.top) / 2} textAnchor="middle" fontSize="12" transform={`rotate(-90 14 ${(H - M.bottom + M.top) / 2})`}>
          Empreinte (kgCO2e)
        </text>
        {points.map((p) => (
          <g key={p.name}>
            <circle cx={x(p.price)} cy={y(p.footprintKg)} r={5} fill="#1b6b4a" />
            <text x={x(p.price) + 8} y={y(p.footprintKg) - 6} fontSize="11">
              {p.name}
            </text>
          </g>
        ))}
      </svg>
      <figcaption className="small muted">En bas à gauche : moins cher et moins émetteur.</figcaption>
    </figure>
  );
}

export function PriceFootprint({ points }: { points: PriceFootprintPoint[] }) {
  if (points.length === 0) return null;
  return (
    <section className="card" data-testid="price-footprint">
      <h2>Prix et empreinte carbone (bordereau de prix)</h2>
      <table className="data">
        <thead>
          <tr>
            <th scope="col">Fournisseur</th>
            <th scope="col" className="num">
              Prix (€ HT)
            </th>
            <th scope="col" className="num">
              Empreinte (kgCO2e)
            </th>
            <th scope="col" className="num">
              kgCO2e par k€
            </th>
          </tr>
        </thead>
        <tbody>
          {points.map((p) => (
            <tr key={p.name}>
              <td>{p.name}</td>
              <td className="num">{fr(p.price, 2)}</td>
              <td className="num">{fr(p.footprintKg, 3)}</td>
              <td className="num">{p.price > 0 ? fr((p.footprintKg * 1000) / p.price, 1) : "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <PriceFootprintScatter points={points} />
    </section>
  );
}
