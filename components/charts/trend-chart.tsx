"use client";

import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export type TrendPoint = { week: string; incidents: number; ttrMedianHours: number | null; ttrP90Hours: number | null };

/** Incidents per week (bars) with the week's median and p90 time to resolve (hours; weeks without incidents leave gaps rather than drawing a line through them). */
export function TrendChart({ weeks }: { weeks: TrendPoint[] }) {
  return (
    <div className="h-64 w-full">
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart data={weeks} margin={{ top: 8, right: 0, bottom: 0, left: -16 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#e2e8f0" />
          <XAxis dataKey="week" tick={{ fontSize: 11, fill: "#475569" }} tickFormatter={(week: string) => week.slice(5)} minTickGap={16} />
          <YAxis yAxisId="hours" tick={{ fontSize: 11, fill: "#475569" }} />
          <YAxis yAxisId="count" orientation="right" allowDecimals={false} tick={{ fontSize: 11, fill: "#94a3b8" }} />
          <Tooltip formatter={(value, name) => [typeof value === "number" && name !== "Incidents" ? `${value.toFixed(1)} h` : value, name]} />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          <Bar yAxisId="count" dataKey="incidents" name="Incidents" fill="#94a3b8" isAnimationActive={false} />
          <Line yAxisId="hours" dataKey="ttrMedianHours" name="Median TTR (h)" stroke="#4f46e5" strokeWidth={2} dot={{ r: 3 }} connectNulls={false} isAnimationActive={false} />
          <Line yAxisId="hours" dataKey="ttrP90Hours" name="p90 TTR (h)" stroke="#d97706" strokeWidth={1.5} strokeDasharray="4 3" dot={{ r: 2 }} connectNulls={false} isAnimationActive={false} />
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}
