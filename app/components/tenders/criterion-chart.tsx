/**
 * Grouped bars of per-criterion scores (0–100), one colour per supplier: plain SVG written by React,
 * so it is in the server HTML and readable without JavaScript (issue 16: recharts shipped 230 KB
 * of gzipped JavaScript for this one chart and drew nothing on the server). No library, no state.
 *
 * Accessibility: the SVG is an image with a French label, described by the page's ranking table
 * (`describedBy`), which gives every number of the chart (one column per criterion); each
 * supplier's bars carry its name as <title> (shown on hover). The legend is HTML, so long
 * supplier names wrap.
 */
const palette = ["#1f6f50", "#b25e09", "#3b5ba5", "#8a3b8f", "#5a6272", "#a3292e"];
const TICKS = [0, 25, 50, 75, 100];
const HEIGHT = 360;
const MARGIN = { top: 10, right: 10, bottom: 90, left: 50 };

/** One decimal is enough for pixels and keeps the HTML short. */
const px = (n: number) => Math.round(n * 10) / 10;

export type ChartSeries = { name: string; values: Record<string, number | null> };

export function criterionChartLayout(criteria: readonly { id: string }[], series: readonly ChartSeries[]) {
  const width = Math.max(640, criteria.length * (series.length * 14 + 40) + 80);
  const plotWidth = width - MARGIN.left - MARGIN.right;
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const group = plotWidth / Math.max(1, criteria.length);
  const gap = Math.min(20, group * 0.1);
  const bar = (group - 2 * gap) / Math.max(1, series.length);
  const barWidth = px(Math.max(1, bar - 1));
  const y = (v: number) => MARGIN.top + plotHeight * (1 - Math.min(100, Math.max(0, v)) / 100);
  const baseline = MARGIN.top + plotHeight;
  // One <path> per supplier (its bars, one closed rectangle per criterion) rather than one <rect>
  // per bar: 50 suppliers × 10 criteria is 50 elements instead of 500 (issue 16: server CPU and HTML).
  const paths = series.map((s, si) => {
    const bars = criteria.flatMap((c, ci) => {
      const v = s.values[c.id];
      if (v === null || v === undefined || !Number.isFinite(v)) return [];
      const height = px(baseline - y(v));
      return height > 0 ? [{ x: px(MARGIN.left + ci * group + gap + si * bar), height }] : [];
    });
    const d = bars.map((b) => `M${b.x} ${baseline}v${-b.height}h${barWidth}v${b.height}z`).join("");
    return { supplier: s.name, colour: palette[si % palette.length]!, d, bars: bars.length };
  });
  return { width, height: HEIGHT, plotWidth, plotHeight, group, baseline, y, paths };
}

export function CriterionChart({ criteria, series, describedBy }: { criteria: { id: string; shortTitle: string }[]; series: ChartSeries[]; describedBy?: string }) {
  const { width, height, group, baseline, y, paths } = criterionChartLayout(criteria, series);
  return (
    <figure className="chart">
      <div className="table-scroll">
        <svg
          className="chart__svg"
          width={width}
          height={height}
          viewBox={`0 0 ${width} ${height}`}
          role="img"
          aria-label={`Notes par critère RSE et par fournisseur, sur 100 : ${criteria.length} critères, ${series.length} fournisseurs.`}
          aria-describedby={describedBy}
          xmlns="http://www.w3.org/2000/svg"
        >
          {TICKS.map((t) => (
            <g key={t}>
              <line x1={MARGIN.left} x2={width - MARGIN.right} y1={px(y(t))} y2={px(y(t))} stroke="#d8dce3" strokeDasharray={t === 0 ? undefined : "3 3"} />
              <text x={MARGIN.left - 6} y={px(y(t)) + 4} fontSize="11" textAnchor="end" fill="#5a6272">
                {t}
              </text>
            </g>
          ))}
          {paths.map((p) =>
            p.d ? (
              <path key={p.supplier} d={p.d} fill={p.colour}>
                <title>{p.supplier}</title>
              </path>
            ) : null,
          )}
          {criteria.map((c, ci) => {
            const x = px(MARGIN.left + ci * group + group / 2);
            return (
              <text key={c.id} x={x} y={baseline + 14} fontSize="11" fill="#1d2330" textAnchor="end" transform={`rotate(-35 ${x} ${baseline + 14})`}>
                {c.shortTitle}
              </text>
            );
          })}
        </svg>
      </div>
      <figcaption className="chart__legend">
        {series.map((s, si) => (
          <span key={s.name}>
            <svg className="chart__swatch" width="14" height="14" viewBox="0 0 14 14" aria-hidden="true">
              <rect width="14" height="14" rx="2" fill={palette[si % palette.length]} />
            </svg>{" "}
            {s.name}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}
