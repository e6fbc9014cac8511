// How figures read on the metrics pages. Pure, shared by server and client components.

/** "45 min", "2 h 5 min", "3 d 4 h"; "—" when unknown. */
export function formatSeconds(seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds) || seconds < 0) return "—";
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return minutes % 60 === 0 ? `${hours} h` : `${hours} h ${minutes % 60} min`;
  const days = Math.floor(hours / 24);
  return hours % 24 === 0 ? `${days} d` : `${days} d ${hours % 24} h`;
}

/** Minutes with one decimal, for tables and CSV (a unit spreadsheets can sum). */
export function toMinutes(seconds: number | null): number | null {
  return seconds === null ? null : Math.round((seconds / 60) * 10) / 10;
}

// toLocaleString with options builds a new formatter on every call (≈ 40 µs): a metrics page
// formats thousands of values, so the four formatters are built once.
const VALUE_FORMATS = [0, 1, 2, 3].map((digits) => new Intl.NumberFormat("en-US", { maximumFractionDigits: digits }));

/** From here on a value reads in scientific notation ("1.70e+15"), so a card still holds it. */
const SCIENTIFIC_FROM = 1e12;
/** A change this large reads as "over +1,000,000%" (against a last week near zero it can be Infinity). */
const LARGEST_CHANGE_PCT = 1_000_000;

/** A metric value with its unit: "99.95 %", "284 ms". */
export function formatValue(value: number | null, unit: string): string {
  if (value === null) return "—";
  const abs = Math.abs(value);
  if (abs >= SCIENTIFIC_FROM) return unit ? `${value.toExponential(2)} ${unit}` : value.toExponential(2);
  const digits = abs !== 0 && abs < 1 ? 3 : abs < 100 ? 2 : abs < 10_000 ? 1 : 0;
  const text = VALUE_FORMATS[digits]!.format(Number(value.toFixed(digits)));
  return unit ? `${text} ${unit}` : text;
}

export function formatPct(fraction: number | null): string {
  return fraction === null ? "—" : `${Math.round(fraction * 100)}%`;
}

/** "+12%" / "−8%" for changes. */
export function formatChange(changePct: number): string {
  if (Math.abs(changePct) >= LARGEST_CHANGE_PCT) return `over ${changePct > 0 ? "+" : "−"}${VALUE_FORMATS[0]!.format(LARGEST_CHANGE_PCT)}%`;
  const rounded = Math.round(changePct);
  return rounded === 0 ? "±0%" : `${rounded > 0 ? "+" : "−"}${Math.abs(rounded)}%`;
}
