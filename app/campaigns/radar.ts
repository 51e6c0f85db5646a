/**
 * Geometry of the debrief radar (issue 14 §2): one axis per criterion, 0 at the centre, 100 at the
 * rim, the first axis pointing up and the others clockwise in guide order. Pure and browser-safe;
 * the SVG is rendered on the server by `components/campaigns/radar-chart.tsx` (works without
 * JavaScript, prints), with the same numbers in a table next to it.
 */
export type Point = { x: number; y: number };

export type RadarGeometry = {
  center: Point;
  radius: number;
  /** End of each axis on the rim. */
  axes: Point[];
  /** Where each axis label sits (a little outside the rim) and how it is anchored. */
  labels: (Point & { anchor: "start" | "middle" | "end" })[];
  /** Grid rings at 20, 40, 60, 80, 100, each a closed polygon. */
  rings: { value: number; points: Point[] }[];
};

const round = (n: number) => Math.round(n * 100) / 100;

/** Angle of axis `i` of `n`, in radians: −90° (up) for the first, then clockwise. */
export function axisAngle(i: number, n: number): number {
  return -Math.PI / 2 + (2 * Math.PI * i) / n;
}

/** Point of score `value` (0–100, clamped; null → centre) on axis `i` of `n`. */
export function pointOnAxis(i: number, n: number, value: number | null, center: Point, radius: number): Point {
  const v = value === null || !Number.isFinite(value) ? 0 : Math.min(100, Math.max(0, value));
  const a = axisAngle(i, n);
  const r = (radius * v) / 100;
  return { x: round(center.x + r * Math.cos(a)), y: round(center.y + r * Math.sin(a)) };
}

export function radarGeometry(n: number, { size = 420, margin = 110 }: { size?: number; margin?: number } = {}): RadarGeometry {
  if (!Number.isInteger(n) || n < 3) throw new Error("Un radar a au moins trois axes");
  const center = { x: size / 2, y: size / 2 };
  const radius = size / 2 - margin / 2;
  const axes = Array.from({ length: n }, (_, i) => pointOnAxis(i, n, 100, center, radius));
  const labels = Array.from({ length: n }, (_, i) => {
    const p = pointOnAxis(i, n, 100, center, radius + 14);
    const cos = Math.cos(axisAngle(i, n));
    const anchor = Math.abs(cos) < 0.2 ? ("middle" as const) : cos > 0 ? ("start" as const) : ("end" as const);
    return { ...p, anchor };
  });
  const rings = [20, 40, 60, 80, 100].map((value) => ({ value, points: Array.from({ length: n }, (_, i) => pointOnAxis(i, n, value, center, radius)) }));
  return { center, radius, axes, labels, rings };
}

/** The polygon of a series of scores, one per axis, as an SVG `points` attribute. */
export function polygonPoints(values: readonly (number | null)[], geometry: Pick<RadarGeometry, "center" | "radius">): string {
  return values.map((v, i) => pointOnAxis(i, values.length, v, geometry.center, geometry.radius)).map((p) => `${p.x},${p.y}`).join(" ");
}
