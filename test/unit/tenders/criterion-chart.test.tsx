import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { CriterionChart, criterionChartLayout } from "~/components/tenders/criterion-chart";

const criteria = [
  { id: "gouvernance", shortTitle: "Gouvernance" },
  { id: "mesure", shortTitle: "Mesure" },
  { id: "fin-de-vie", shortTitle: "Fin de vie & DEEE" },
];
const series = [
  { name: "Alpha SAS", values: { gouvernance: 100, mesure: 50, "fin-de-vie": null } },
  { name: "Bêta <Conseil>", values: { gouvernance: 0, mesure: 25, "fin-de-vie": 75 } },
];

describe("CriterionChart (server-rendered SVG)", () => {
  it("draws one path per supplier with one bar per scored criterion, heights on the 0–100 scale", () => {
    const layout = criterionChartLayout(criteria, series);
    const [alpha, beta] = layout.paths;
    expect(alpha!.bars).toBe(2); // « sans objet » draws nothing
    expect(beta!.bars).toBe(2); // 0 draws nothing either
    const heights = (d: string) => [...d.matchAll(/v(-[\d.]+)h/g)].map((m) => -Number(m[1]));
    expect(heights(alpha!.d)).toEqual([layout.plotHeight, layout.plotHeight / 2]);
    expect(heights(beta!.d)).toEqual([layout.plotHeight / 4, (layout.plotHeight * 3) / 4]);
    // Bars of one criterion sit side by side inside its group, in the series' order.
    const xs = (d: string) => [...d.matchAll(/M([\d.]+) /g)].map((m) => Number(m[1]));
    expect(xs(beta!.d)[0]).toBeGreaterThan(xs(alpha!.d)[1]!);
  });

  it("is plain markup: an accessible SVG image, axis, criterion labels and an escaped HTML legend", () => {
    const html = renderToStaticMarkup(<CriterionChart criteria={criteria} series={series} describedBy="ranking-caption" />);
    expect(html).toContain('<svg class="chart__svg"');
    expect(html).toContain('role="img"');
    expect(html).toContain('aria-describedby="ranking-caption"');
    expect(html).toMatch(/aria-label="Notes par critère RSE et par fournisseur, sur 100 : 3 critères, 2 fournisseurs\."/);
    expect(html.match(/<path /g)).toHaveLength(2);
    for (const t of ["0", "25", "50", "75", "100"]) expect(html).toContain(`>${t}</text>`);
    expect(html).toContain("Fin de vie &amp; DEEE</text>");
    expect(html).toContain("Bêta &lt;Conseil&gt;");
    expect(html).not.toContain("<script");
  });

  it("copes with no criterion and no supplier", () => {
    const html = renderToStaticMarkup(<CriterionChart criteria={[]} series={[]} />);
    expect(html).toContain("<svg");
    expect(html).not.toContain("<path");
  });
});
