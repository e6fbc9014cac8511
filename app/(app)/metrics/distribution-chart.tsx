import { AXIS_TEXT, GRID_LINE, niceTicks, round1 } from "./svg-scale";

// Server-rendered SVG: nothing hydrates and the buckets are not shipped to the browser as props.
// The panel around it (ChartPanel) gives the picture its role="img" and summary.

const WIDTH = 460;
const HEIGHT = 256;
const LEFT = 48;
const RIGHT = 8;
const TOP = 8;
const BOTTOM = 56;

/** Incidents per time-to-resolve bucket: the shape of the distribution, long tail included. */
export function DistributionChart({ buckets }: { buckets: { label: string; incidents: number }[] }) {
  // At least four on the axis: one incident is not drawn as a full-height bar.
  const ticks = niceTicks(Math.max(4, ...buckets.map((bucket) => bucket.incidents)), true);
  const top = ticks[ticks.length - 1]!;
  const plotHeight = HEIGHT - TOP - BOTTOM;
  const band = (WIDTH - LEFT - RIGHT) / Math.max(1, buckets.length);
  const barWidth = round1(band * 0.8);
  const y = (value: number) => round1(TOP + plotHeight - (value / top) * plotHeight);
  return (
    <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} className="block h-auto w-full" aria-hidden focusable="false" fontSize={11}>
      <g stroke={GRID_LINE} strokeDasharray="3 3">
        {ticks.map((tick) => (
          <path key={tick} d={`M${LEFT} ${y(tick)}H${WIDTH - RIGHT}`} />
        ))}
      </g>
      <g fill={AXIS_TEXT} textAnchor="end">
        {ticks.map((tick) => (
          <text key={tick} x={LEFT - 6} y={y(tick)} dy="0.32em">
            {tick}
          </text>
        ))}
      </g>
      <text transform="rotate(-90)" x={-round1(TOP + plotHeight / 2)} y={12} textAnchor="middle" fill={AXIS_TEXT} fontWeight={500}>
        Incidents
      </text>
      <path d={`M${LEFT} ${TOP}V${TOP + plotHeight}H${WIDTH - RIGHT}`} stroke="#94a3b8" fill="none" />
      {buckets.map((bucket, index) => {
        const x = round1(LEFT + index * band);
        const barTop = y(bucket.incidents);
        return (
          <g key={bucket.label} className="group">
            <title>{`${bucket.label}: ${bucket.incidents} incident${bucket.incidents === 1 ? "" : "s"}`}</title>
            <rect x={x} y={TOP} width={round1(band)} height={plotHeight} className="fill-transparent group-hover:fill-slate-100" />
            {bucket.incidents > 0 ? (
              <path d={barPath(round1(x + (band - barWidth) / 2), barTop, barWidth, round1(TOP + plotHeight - barTop), 3)} fill="#4f46e5" />
            ) : null}
            <text
              x={round1(x + band / 2)}
              y={TOP + plotHeight + 10}
              fill={AXIS_TEXT}
              textAnchor="end"
              dy="0.71em"
              transform={`rotate(-30 ${round1(x + band / 2)} ${TOP + plotHeight + 10})`}
            >
              {bucket.label}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

/** A bar with its top corners rounded (radius clipped to the bar's size). */
function barPath(x: number, y: number, width: number, height: number, radius: number): string {
  const r = Math.min(radius, width / 2, height);
  return `M${x} ${round1(y + height)}V${round1(y + r)}Q${x} ${y} ${round1(x + r)} ${y}H${round1(x + width - r)}Q${round1(x + width)} ${y} ${round1(x + width)} ${round1(y + r)}V${round1(y + height)}Z`;
}
