import { AXIS_TEXT, GRID_LINE, niceTicks, round1, tickLabel } from "./svg-scale";

// Server-rendered SVG (see distribution-chart.tsx); the legend is HTML under the picture.
// Two small charts over the same weeks instead of one with two y axes: durations on top in hours,
// incident counts below, each axis titled with its unit, so neither scale dwarfs the other.

export type TrendPoint = { week: string; incidents: number; ttrMedianHours: number | null; ttrP90Hours: number | null };

const WIDTH = 460;
const LEFT = 52;
const RIGHT = 8;
const TOP = 8;
const HOURS_PLOT = 150;
const COUNT_PLOT = 64;
/** Below the incidents plot: week labels, then the x axis title. */
const X_AXIS = 38;
/** The narrowest gap between two week labels on the x axis. */
const LABEL_GAP = 44;
/** The incidents axis reaches at least this far, so one incident is not drawn as a full-height bar. */
const MIN_COUNT_TOP = 4;

const SERIES = [
  { key: "ttrMedianHours", name: "Median time to resolve", color: "#4f46e5", width: 2, dash: undefined, dot: 3 },
  { key: "ttrP90Hours", name: "p90 time to resolve", color: "#b45309", width: 1.5, dash: "4 3", dot: 2 },
] as const;
const BAR_COLOR = "#64748b";

function hoursText(value: number | null): string {
  return value === null ? "—" : `${value.toFixed(1)} h`;
}

function weekTitle(week: TrendPoint): string {
  return `Week of ${week.week}: ${week.incidents} incident${week.incidents === 1 ? "" : "s"}, median time to resolve ${hoursText(week.ttrMedianHours)}, p90 ${hoursText(week.ttrP90Hours)}`;
}

/** A y axis: dashed grid lines, tick labels, and the axis title turned along the axis. */
function YAxis({ ticks, y, top, height, title }: { ticks: number[]; y: (value: number) => number; top: number; height: number; title: string }) {
  return (
    <>
      <g stroke={GRID_LINE} strokeDasharray="3 3">
        {ticks.map((tick) => (
          <path key={tick} d={`M${LEFT} ${y(tick)}H${WIDTH - RIGHT}`} />
        ))}
      </g>
      <g fill={AXIS_TEXT} textAnchor="end">
        {ticks.map((tick) => (
          <text key={tick} x={LEFT - 6} y={y(tick)} dy="0.32em">
            {tickLabel(tick)}
          </text>
        ))}
      </g>
      <text transform={`rotate(-90)`} x={-round1(top + height / 2)} y={12} textAnchor="middle" fill={AXIS_TEXT} fontWeight={500}>
        {title}
      </text>
      <path d={`M${LEFT} ${top}V${top + height}H${WIDTH - RIGHT}`} stroke="#94a3b8" fill="none" />
    </>
  );
}

/** Median and p90 time to resolve per week (weeks without incidents leave gaps), over incidents per week. */
export function TrendChart({ weeks }: { weeks: TrendPoint[] }) {
  const band = (WIDTH - LEFT - RIGHT) / Math.max(1, weeks.length);
  const center = (index: number) => round1(LEFT + (index + 0.5) * band);
  const labelEvery = Math.max(1, Math.ceil(LABEL_GAP / band));
  const barWidth = round1(Math.max(1, band * 0.7));

  const hourTicks = niceTicks(Math.max(0, ...weeks.flatMap((week) => [week.ttrMedianHours ?? 0, week.ttrP90Hours ?? 0])), false);
  const hourTop = hourTicks[hourTicks.length - 1]!;
  const yHours = (value: number) => round1(TOP + HOURS_PLOT - (value / hourTop) * HOURS_PLOT);

  const countTicks = niceTicks(Math.max(MIN_COUNT_TOP, ...weeks.map((week) => week.incidents)), true);
  const countTop = countTicks[countTicks.length - 1]!;
  const countOrigin = TOP + HOURS_PLOT + 20;
  const yCount = (value: number) => round1(countOrigin + COUNT_PLOT - (value / countTop) * COUNT_PLOT);
  const height = countOrigin + COUNT_PLOT + X_AXIS;

  return (
    <div>
      <svg viewBox={`0 0 ${WIDTH} ${height}`} className="block h-auto w-full" aria-hidden focusable="false" fontSize={11}>
        <YAxis ticks={hourTicks} y={yHours} top={TOP} height={HOURS_PLOT} title="Hours to resolve" />
        <YAxis
          ticks={countTicks.length > 3 ? countTicks.filter((_, index) => index % 2 === 0) : countTicks}
          y={yCount}
          top={countOrigin}
          height={COUNT_PLOT}
          title="Incidents"
        />
        {/* One hit area per week, across both charts, carries the week's tooltip; marks let the pointer through. */}
        <g className="[&>rect:hover]:fill-slate-100">
          {weeks.map((week, index) => (
            <rect key={week.week} x={round1(LEFT + index * band)} y={TOP} width={round1(band)} height={countOrigin + COUNT_PLOT - TOP} fill="transparent">
              <title>{weekTitle(week)}</title>
            </rect>
          ))}
        </g>
        <path
          d={weeks
            .map((week, index) =>
              week.incidents > 0
                ? `M${round1(center(index) - barWidth / 2)} ${countOrigin + COUNT_PLOT}V${yCount(week.incidents)}h${barWidth}V${countOrigin + COUNT_PLOT}Z`
                : "",
            )
            .join("")}
          fill={BAR_COLOR}
          className="pointer-events-none"
        />
        <g fill={AXIS_TEXT} textAnchor="middle">
          {weeks.map((week, index) =>
            index % labelEvery === 0 ? (
              <text key={week.week} x={center(index)} y={countOrigin + COUNT_PLOT + 8} dy="0.71em">
                {week.week.slice(5)}
              </text>
            ) : null,
          )}
          <text x={round1(LEFT + (WIDTH - LEFT - RIGHT) / 2)} y={height - 4} fontWeight={500}>
            Week starting (month-day)
          </text>
        </g>
        {SERIES.map((series) => {
          // Pen up across weeks without a value, so a gap is drawn as a gap.
          let penDown = false;
          const line = weeks
            .map((week, index) => {
              const value = week[series.key];
              if (value === null) {
                penDown = false;
                return "";
              }
              const segment = `${penDown ? "L" : "M"}${center(index)} ${yHours(value)}`;
              penDown = true;
              return segment;
            })
            .join("");
          const dots = weeks.map((week, index) => (week[series.key] === null ? "" : `M${center(index)} ${yHours(week[series.key]!)}h0`)).join("");
          return (
            <g key={series.key} className="pointer-events-none" fill="none">
              <path d={line} stroke={series.color} strokeWidth={series.width} strokeDasharray={series.dash} strokeLinejoin="round" />
              <path d={dots} stroke={series.color} strokeWidth={series.dot * 2 + 2} strokeLinecap="round" />
              <path d={dots} stroke="white" strokeWidth={series.dot * 2 - 1} strokeLinecap="round" />
            </g>
          );
        })}
      </svg>
      <ul className="mt-2 flex flex-wrap justify-center gap-x-4 gap-y-1 text-xs text-slate-700" aria-hidden>
        {SERIES.map((series) => (
          <li key={series.key} className="inline-flex items-center gap-1.5">
            <svg width="16" height="8" aria-hidden focusable="false">
              <path d="M0 4H16" stroke={series.color} strokeWidth={series.width} strokeDasharray={series.dash} />
              <circle cx="8" cy="4" r={series.dot} fill="white" stroke={series.color} strokeWidth={1.5} />
            </svg>
            {series.name} (hours)
          </li>
        ))}
        <li className="inline-flex items-center gap-1.5">
          <span className="inline-block size-2.5" style={{ backgroundColor: BAR_COLOR }} />
          Incidents per week
        </li>
      </ul>
    </div>
  );
}
