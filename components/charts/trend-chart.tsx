import { AXIS_TEXT, GRID_LINE, niceTicks, round1, tickLabel } from "./svg-scale";

// Server-rendered SVG (see distribution-chart.tsx); the legend is HTML under the picture.

export type TrendPoint = { week: string; incidents: number; ttrMedianHours: number | null; ttrP90Hours: number | null };

const WIDTH = 460;
const HEIGHT = 232;
const LEFT = 36;
const RIGHT = 32;
const TOP = 8;
const BOTTOM = 24;
/** The narrowest gap between two week labels on the x axis. */
const LABEL_GAP = 44;

const SERIES = [
  { key: "ttrMedianHours", name: "Median TTR (h)", color: "#4f46e5", width: 2, dash: undefined, dot: 3 },
  { key: "ttrP90Hours", name: "p90 TTR (h)", color: "#d97706", width: 1.5, dash: "4 3", dot: 2 },
] as const;

function hoursText(value: number | null): string {
  return value === null ? "—" : `${value.toFixed(1)} h`;
}

/** Incidents per week (bars) with the week's median and p90 time to resolve (hours; weeks without incidents leave gaps rather than drawing a line through them). */
export function TrendChart({ weeks }: { weeks: TrendPoint[] }) {
  const plotHeight = HEIGHT - TOP - BOTTOM;
  const band = (WIDTH - LEFT - RIGHT) / Math.max(1, weeks.length);
  const hourTicks = niceTicks(Math.max(0, ...weeks.flatMap((week) => [week.ttrMedianHours ?? 0, week.ttrP90Hours ?? 0])), false);
  const countTicks = niceTicks(Math.max(0, ...weeks.map((week) => week.incidents)), true);
  const hourTop = hourTicks[hourTicks.length - 1]!;
  const countTop = countTicks[countTicks.length - 1]!;
  const yHours = (value: number) => round1(TOP + plotHeight - (value / hourTop) * plotHeight);
  const yCount = (value: number) => round1(TOP + plotHeight - (value / countTop) * plotHeight);
  const center = (index: number) => round1(LEFT + (index + 0.5) * band);
  const labelEvery = Math.max(1, Math.ceil(LABEL_GAP / band));
  const barWidth = round1(Math.max(1, band * 0.7));
  return (
    <div>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} className="block h-auto w-full" aria-hidden focusable="false" fontSize={11}>
        <g stroke={GRID_LINE} strokeDasharray="3 3">
          {hourTicks.map((tick) => (
            <path key={tick} d={`M${LEFT} ${yHours(tick)}H${WIDTH - RIGHT}`} />
          ))}
        </g>
        <g fill={AXIS_TEXT} textAnchor="end">
          {hourTicks.map((tick) => (
            <text key={tick} x={LEFT - 6} y={yHours(tick)} dy="0.32em">
              {tickLabel(tick)}
            </text>
          ))}
        </g>
        <g fill="#94a3b8">
          {countTicks.map((tick) => (
            <text key={tick} x={WIDTH - RIGHT + 6} y={yCount(tick)} dy="0.32em">
              {tick}
            </text>
          ))}
        </g>
        <path d={`M${LEFT} ${TOP}V${TOP + plotHeight}H${WIDTH - RIGHT}V${TOP}`} stroke="#94a3b8" fill="none" />
        {/* One hit area per week carries the week's tooltip; bars and lines let the pointer through. */}
        <g className="[&>rect:hover]:fill-slate-100">
          {weeks.map((week, index) => (
            <rect key={week.week} x={round1(LEFT + index * band)} y={TOP} width={round1(band)} height={plotHeight} fill="transparent">
              <title>{`Week of ${week.week}: ${week.incidents} incident${week.incidents === 1 ? "" : "s"}, median TTR ${hoursText(week.ttrMedianHours)}, p90 TTR ${hoursText(week.ttrP90Hours)}`}</title>
            </rect>
          ))}
        </g>
        <path
          d={weeks
            .map((week, index) => (week.incidents > 0 ? `M${round1(center(index) - barWidth / 2)} ${TOP + plotHeight}V${yCount(week.incidents)}h${barWidth}V${TOP + plotHeight}Z` : ""))
            .join("")}
          fill="#94a3b8"
          className="pointer-events-none"
        />
        <g fill={AXIS_TEXT} textAnchor="middle">
          {weeks.map((week, index) =>
            index % labelEvery === 0 ? (
              <text key={week.week} x={center(index)} y={TOP + plotHeight + 8} dy="0.71em">
                {week.week.slice(5)}
              </text>
            ) : null,
          )}
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
        <li className="inline-flex items-center gap-1.5 text-slate-500">
          <span className="inline-block size-2.5 bg-slate-400" />
          Incidents (right axis)
        </li>
        {SERIES.map((series) => (
          <li key={series.key} className="inline-flex items-center gap-1.5" style={{ color: series.color }}>
            <svg width="16" height="8" aria-hidden focusable="false">
              <path d="M0 4H16" stroke={series.color} strokeWidth={series.width} strokeDasharray={series.dash} />
              <circle cx="8" cy="4" r={series.dot} fill="white" stroke={series.color} strokeWidth={1.5} />
            </svg>
            {series.name}
          </li>
        ))}
      </ul>
    </div>
  );
}
