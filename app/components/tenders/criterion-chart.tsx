/**
 * Grouped bar chart of per-criterion scores (0–100), one colour per supplier. Plain SVG, isolated in
 * this file so that it can be swapped for a chart library (recharts proposed) without touching pages.
 * The same numbers are always given as an accessible table next to it; the SVG is aria-hidden.
 */
const palette = ["#1f6f50", "#b25e09", "#3b5ba5", "#8a3b8f", "#5a6272", "#a3292e"];

export function CriterionChart({
  criteria,
  series,
}: {
  criteria: { id: string; shortTitle: string }[];
  series: { name: string; values: Record<string, number | null> }[];
}) {
  const groupWidth = Math.max(40, series.length * 14 + 16);
  const left = 36;
  const top = 10;
  const height = 180;
  const labelSpace = 115;
  const width = left + criteria.length * groupWidth + 10;
  const bar = (groupWidth - 16) / Math.max(1, series.length);
  return (
    <figure className="chart">
      <svg viewBox={`0 0 ${width} ${top + height + labelSpace}`} role="img" aria-hidden="true" className="chart__svg">
        {[0, 25, 50, 75, 100].map((t) => {
          const y = top + height - (t / 100) * height;
          return (
            <g key={t}>
              <line x1={left} x2={width - 10} y1={y} y2={y} stroke="#d8dce3" />
              <text x={left - 4} y={y + 4} fontSize="10" textAnchor="end" fill="#5a6272">
                {t}
              </text>
            </g>
          );
        })}
        {criteria.map((c, ci) => {
          const x0 = left + ci * groupWidth + 8;
          return (
            <g key={c.id}>
              {series.map((s, si) => {
                const v = s.values[c.id];
                const h = v === null || v === undefined ? 0 : (v / 100) * height;
                return <rect key={s.name} x={x0 + si * bar} y={top + height - h} width={Math.max(1, bar - 2)} height={h} fill={palette[si % palette.length]} />;
              })}
              <text
                x={x0 + (groupWidth - 16) / 2}
                y={top + height + 8}
                fontSize="10"
                fill="#1d2330"
                transform={`rotate(40 ${x0 + (groupWidth - 16) / 2} ${top + height + 8})`}
              >
                {c.shortTitle}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption className="chart__legend">
        {series.map((s, si) => (
          <span key={s.name}>
            <span className="chart__swatch" style={{ background: palette[si % palette.length] }} /> {s.name}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}
