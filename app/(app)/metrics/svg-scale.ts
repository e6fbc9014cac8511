// Axis arithmetic for the server-rendered SVG charts: a zero-based scale rounded up to a "nice"
// maximum, and its ticks (at most six).

export const AXIS_TEXT = "#475569";
export const GRID_LINE = "#e2e8f0";

const STEPS = [1, 2, 2.5, 5];

/** Ticks from 0 to a round maximum at or above `max`; whole numbers only when `integer`. */
export function niceTicks(max: number, integer: boolean): number[] {
  if (!(max > 0)) return integer ? [0, 1, 2, 3, 4] : [0, 0.25, 0.5, 0.75, 1];
  const magnitude = 10 ** Math.floor(Math.log10(max / 4));
  for (const factor of [...STEPS.map((step) => step * magnitude), ...STEPS.map((step) => step * magnitude * 10)]) {
    const step = integer ? Math.max(1, Math.round(factor)) : factor;
    if (integer && factor !== step && factor > 1) continue;
    const count = Math.ceil(max / step - 1e-9);
    if (count <= 5) return Array.from({ length: count + 1 }, (_, index) => Math.round(index * step * 1e6) / 1e6);
  }
  return [0, max];
}

/** A tick label without trailing zeros: 2.5, 10, 0.25. */
export function tickLabel(value: number): string {
  return String(Math.round(value * 100) / 100);
}

export function round1(value: number): number {
  return Math.round(value * 10) / 10;
}
