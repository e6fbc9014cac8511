import { AXIS_TEXT, GRID_LINE, niceTicks, round1 } from "./svg-scale";

// Server-rendered SVG (see distribution-chart.tsx): horizontal bars, one row per category.

const WIDTH = 460;
const ROW = 34;
const LABEL = 158;
const RIGHT = 16;
const AXIS = 44;
const LABEL_CHARS = 26;

/** Incidents per contributing-factor category, most frequent first. */
export function CategoryChart({ categories }: { categories: { name: string; incidents: number }[] }) {
  const height = Math.max(120, categories.length * ROW + AXIS);
  const plotHeight = height - AXIS;
  const row = plotHeight / Math.max(1, categories.length);
  // At least four on the axis: one incident is not drawn as a full-width bar.
  const ticks = niceTicks(Math.max(4, ...categories.map((category) => category.incidents)), true);
  const top = ticks[ticks.length - 1]!;
  const plotWidth = WIDTH - LABEL - RIGHT;
  const x = (value: number) => round1(LABEL + (value / top) * plotWidth);
  const barHeight = round1(Math.min(row * 0.8, 24));
  return (
    <svg viewBox={`0 0 ${WIDTH} ${height}`} className="block h-auto w-full" aria-hidden focusable="false" fontSize={11}>
      <g stroke={GRID_LINE} strokeDasharray="3 3">
        {ticks.map((tick) => (
          <path key={tick} d={`M${x(tick)} 0V${plotHeight}`} />
        ))}
      </g>
      <g fill={AXIS_TEXT} textAnchor="middle">
        {ticks.map((tick) => (
          <text key={tick} x={x(tick)} y={plotHeight + 8} dy="0.71em">
            {tick}
          </text>
        ))}
      </g>
      <text x={round1(LABEL + plotWidth / 2)} y={height - 4} textAnchor="middle" fill={AXIS_TEXT} fontWeight={500}>
        Incidents
      </text>
      <path d={`M${LABEL} ${plotHeight}H${WIDTH - RIGHT}M${LABEL} 0V${plotHeight}`} stroke="#94a3b8" fill="none" />
      {categories.map((category, index) => {
        const rowTop = round1(index * row);
        const middle = round1(rowTop + row / 2);
        const label = category.name.length > LABEL_CHARS ? `${category.name.slice(0, LABEL_CHARS - 1)}…` : category.name;
        return (
          <g key={category.name} className="group">
            <title>{`${category.name}: ${category.incidents} incident${category.incidents === 1 ? "" : "s"}`}</title>
            <rect x={0} y={rowTop} width={WIDTH} height={round1(row)} className="fill-transparent group-hover:fill-slate-100" />
            <text x={LABEL - 8} y={middle} dy="0.32em" textAnchor="end" fill="#334155" fontSize={12}>
              {label}
            </text>
            {category.incidents > 0 ? (
              <path d={sideBarPath(LABEL, round1(middle - barHeight / 2), round1(x(category.incidents) - LABEL), barHeight, 3)} fill="#0f766e" />
            ) : null}
          </g>
        );
      })}
    </svg>
  );
}

/** A horizontal bar with its right-hand corners rounded. */
function sideBarPath(x: number, y: number, width: number, height: number, radius: number): string {
  const r = Math.min(radius, height / 2, width);
  const right = round1(x + width);
  return `M${x} ${y}H${round1(right - r)}Q${right} ${y} ${right} ${round1(y + r)}V${round1(y + height - r)}Q${right} ${round1(y + height)} ${round1(right - r)} ${round1(y + height)}H${x}Z`;
}
