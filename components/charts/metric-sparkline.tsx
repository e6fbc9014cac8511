"use client";

import { Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

/**
 * A key service metric's daily values with its target as a dashed line; values on the wrong side
 * of the target are drawn red.
 */
export function MetricSparkline({
  points,
  target,
  direction,
  unit,
  height = 80,
}: {
  points: { day: string; value: number }[];
  target: number | null;
  direction: "UP" | "DOWN";
  unit: string;
  height?: number;
}) {
  const values = points.map((point) => point.value).concat(target === null ? [] : [target]);
  const min = Math.min(...values);
  const max = Math.max(...values);
  const pad = (max - min) * 0.15 || Math.abs(max) * 0.01 || 1;
  const breached = (value: number) => target !== null && (direction === "UP" ? value < target : value > target);
  return (
    <div className="w-full" style={{ height }}>
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={points} margin={{ top: 4, right: 4, bottom: 0, left: 4 }}>
          <XAxis dataKey="day" hide />
          <YAxis hide domain={[min - pad, max + pad]} />
          <Tooltip formatter={(value) => [`${value}${unit ? ` ${unit}` : ""}`, "Value"]} labelStyle={{ fontSize: 11 }} contentStyle={{ fontSize: 12 }} />
          {target !== null ? <ReferenceLine y={target} stroke="#dc2626" strokeDasharray="4 3" ifOverflow="extendDomain" /> : null}
          <Line
            dataKey="value"
            stroke="#334155"
            strokeWidth={1.5}
            isAnimationActive={false}
            dot={(props: { cx?: number; cy?: number; payload?: { value: number }; index?: number }) =>
              props.payload && breached(props.payload.value) && props.cx !== undefined && props.cy !== undefined ? (
                <circle key={props.index} cx={props.cx} cy={props.cy} r={2.5} fill="#dc2626" stroke="none" />
              ) : (
                <g key={props.index} />
              )
            }
          />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
