import { polygonPoints, radarGeometry } from "~/campaigns/radar";
import { frNum } from "~/lib/format";

export type RadarAxis = { id: string; number: number; shortTitle: string; title: string; score: number | null; previous: number | null; median: number | null };

/**
 * The 10-axis debrief radar as server-rendered SVG (no JavaScript; prints), with the same numbers
 * in an accessible table (DebriefTable). Series: this campaign (solid), the previous campaign
 * (dashed) when there is one, the panel median (dotted) only when shown.
 */
export function RadarChart({ axes, previousLabel, showMedian }: { axes: RadarAxis[]; previousLabel: string | null; showMedian: boolean }) {
  // Room around the rim for the longest short titles (32 characters at most, guide schema).
  const size = 660;
  const g = radarGeometry(axes.length, { size, margin: 320 });
  const hasPrevious = previousLabel !== null && axes.some((a) => a.previous !== null);
  return (
    <figure className="radar">
      <svg viewBox={`0 0 ${size} ${size}`} width="100%" style={{ maxWidth: size }} role="img" aria-labelledby="radar-title radar-desc">
        <title id="radar-title">Radar de maturité par critère (0 à 100)</title>
        <desc id="radar-desc">Les mêmes valeurs figurent dans le tableau qui suit.</desc>
        {g.rings.map((r) => (
          <polygon key={r.value} points={r.points.map((p) => `${p.x},${p.y}`).join(" ")} fill="none" stroke="#c8ccd4" strokeWidth={1} />
        ))}
        {g.axes.map((p, i) => (
          <line key={i} x1={g.center.x} y1={g.center.y} x2={p.x} y2={p.y} stroke="#c8ccd4" strokeWidth={1} />
        ))}
        {g.rings.map((r) => (
          <text key={`t${r.value}`} x={g.center.x + 3} y={r.points[0]!.y - 2} fontSize={10} fill="#555">
            {r.value}
          </text>
        ))}
        {showMedian ? <polygon points={polygonPoints(axes.map((a) => a.median), g)} fill="none" stroke="#6b6b6b" strokeWidth={2} strokeDasharray="2 3" /> : null}
        {hasPrevious ? <polygon points={polygonPoints(axes.map((a) => a.previous), g)} fill="rgba(200,120,0,.08)" stroke="#b35c00" strokeWidth={2} strokeDasharray="6 4" /> : null}
        <polygon points={polygonPoints(axes.map((a) => a.score), g)} fill="rgba(0,90,160,.18)" stroke="#005aa0" strokeWidth={2.5} />
        {g.labels.map((p, i) => (
          <text key={`l${i}`} x={p.x} y={p.y} fontSize={13} textAnchor={p.anchor} dominantBaseline="middle" fill="#111">
            {axes[i]!.shortTitle}
          </text>
        ))}
      </svg>
      <figcaption className="small">
        <span style={{ color: "#005aa0" }}>━</span> cette campagne
        {hasPrevious ? (
          <>
            {" "}
            · <span style={{ color: "#b35c00" }}>╍</span> campagne précédente ({previousLabel})
          </>
        ) : null}
        {showMedian ? (
          <>
            {" "}
            · <span style={{ color: "#6b6b6b" }}>┈</span> médiane du panel
          </>
        ) : null}
      </figcaption>
    </figure>
  );
}

export function DebriefTable({ axes, strength, priority, hasPrevious, showMedian }: { axes: RadarAxis[]; strength: string | null; priority: string | null; hasPrevious: boolean; showMedian: boolean }) {
  return (
    <table className="data">
      <caption className="muted" style={{ textAlign: "left" }}>
        Note de maturité par critère, sur 100 (réponses évaluées)
      </caption>
      <thead>
        <tr>
          <th scope="col">Critère</th>
          <th scope="col" className="num">
            Note
          </th>
          {hasPrevious ? (
            <th scope="col" className="num">
              Campagne précédente
            </th>
          ) : null}
          {showMedian ? (
            <th scope="col" className="num">
              Médiane du panel
            </th>
          ) : null}
          <th scope="col">Repère</th>
        </tr>
      </thead>
      <tbody>
        {axes.map((a) => (
          <tr key={a.id}>
            <th scope="row">
              {a.number}. {a.title}
            </th>
            <td className="num">{a.score === null ? "non évalué" : frNum(a.score, 1)}</td>
            {hasPrevious ? <td className="num">{a.previous === null ? "—" : frNum(a.previous, 1)}</td> : null}
            {showMedian ? <td className="num">{a.median === null ? "—" : frNum(a.median, 1)}</td> : null}
            <td>{a.id === strength ? <span className="badge">Axe fort</span> : a.id === priority ? <span className="badge badge--warn">Axe prioritaire</span> : null}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
