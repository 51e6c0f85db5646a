import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from "recharts";

/**
 * Grouped bars of per-criterion scores (0–100), one colour per supplier, drawn with recharts.
 * Fixed size so that it renders the same on the server (no JS) and in the browser. The same
 * numbers are always given in the accessible ranking table beside it.
 */
const palette = ["#1f6f50", "#b25e09", "#3b5ba5", "#8a3b8f", "#5a6272", "#a3292e"];

export function CriterionChart({
  criteria,
  series,
}: {
  criteria: { id: string; shortTitle: string }[];
  series: { name: string; values: Record<string, number | null> }[];
}) {
  const data = criteria.map((c) => {
    const row: Record<string, string | number | null> = { criterion: c.shortTitle };
    for (const s of series) row[s.name] = s.values[c.id] ?? null;
    return row;
  });
  const width = Math.max(640, criteria.length * (series.length * 14 + 40) + 80);
  return (
    <figure className="chart" aria-label="Notes par critère et par fournisseur (sur 100)">
      <BarChart width={width} height={360} data={data} margin={{ top: 10, right: 10, bottom: 90, left: 50 }} accessibilityLayer>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="criterion" interval={0} angle={-35} textAnchor="end" tick={{ fontSize: 11 }} />
        <YAxis domain={[0, 100]} ticks={[0, 25, 50, 75, 100]} tick={{ fontSize: 11 }} />
        <Tooltip formatter={(value) => (typeof value === "number" ? `${value.toLocaleString("fr-FR", { maximumFractionDigits: 2 })} / 100` : "sans objet")} />
        <Legend verticalAlign="top" />
        {series.map((s, i) => (
          <Bar key={s.name} dataKey={s.name} fill={palette[i % palette.length]} isAnimationActive={false} />
        ))}
      </BarChart>
    </figure>
  );
}
