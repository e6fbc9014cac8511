import { breachesTarget, type Direction } from "@/lib/metrics/stats";

// A key service metric's daily values drawn as server-rendered SVG: one line, the target as a
// dashed line, values on the wrong side of the target as red dots. No client component, so the
// points are not shipped to the browser a second time as props, and nothing hydrates: the overview
// draws two dozen of these.

const WIDTH = 300;
const PAD_Y = 4;

function round(value: number): number {
  return Math.round(value * 10) / 10;
}

export function MetricSparkline({
  points,
  target,
  direction,
  height = 80,
}: {
  points: readonly { day: string; value: number }[];
  target: number | null;
  direction: Direction;
  height?: number;
}) {
  const values = points.map((point) => point.value);
  const bounds = target === null ? values : [...values, target];
  const min = Math.min(...bounds);
  const max = Math.max(...bounds);
  const pad = (max - min) * 0.15 || Math.abs(max) * 0.01 || 1;
  const low = min - pad;
  const span = max + pad - low;
  const x = (index: number) => round(points.length > 1 ? (index / (points.length - 1)) * WIDTH : WIDTH / 2);
  const y = (value: number) => round(PAD_Y + (1 - (value - low) / span) * (height - 2 * PAD_Y));
  const line = points.map((point, index) => `${index === 0 ? "M" : "L"}${x(index)} ${y(point.value)}`).join("");
  // Zero-length segments with round caps: a dot each, in one element (overflow visible on the svg,
  // so a dot on the first or last day is not cut in half at the edge).
  const dots = points.map((point, index) => (breachesTarget(point.value, target, direction) ? `M${x(index)} ${y(point.value)}h0` : "")).join("");
  return (
    <svg viewBox={`0 0 ${WIDTH} ${height}`} preserveAspectRatio="none" overflow="visible" className="block w-full" style={{ height }} focusable="false">
      {target !== null ? <path d={`M0 ${y(target)}H${WIDTH}`} stroke="#dc2626" strokeDasharray="4 3" fill="none" vectorEffect="non-scaling-stroke" /> : null}
      <path d={line} stroke="#334155" strokeWidth={1.5} fill="none" strokeLinejoin="round" vectorEffect="non-scaling-stroke" />
      {dots ? <path d={dots} stroke="#dc2626" strokeWidth={5} strokeLinecap="round" fill="none" vectorEffect="non-scaling-stroke" /> : null}
    </svg>
  );
}
