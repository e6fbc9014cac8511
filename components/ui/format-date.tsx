// Dates render the same on the server and in the browser: a fixed locale and UTC, so a page
// never hydrates with a different string than it was rendered with.
const DATE_TIME_PARTS = new Intl.DateTimeFormat("en-US", {
  timeZone: "UTC",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

type DateInput = Date | string | number;

function toDate(value: DateInput): Date {
  return value instanceof Date ? value : new Date(value);
}

function parts(value: DateInput): Record<string, string> {
  return Object.fromEntries(DATE_TIME_PARTS.formatToParts(toDate(value)).map((part) => [part.type, part.value]));
}

/** `2026-11-26` (UTC). */
export function formatDate(value: DateInput): string {
  const { year, month, day } = parts(value);
  return `${year}-${month}-${day}`;
}

/** `2026-11-26 14:05 UTC`. */
export function formatDateTime(value: DateInput): string {
  const { year, month, day, hour, minute } = parts(value);
  return `${year}-${month}-${day} ${hour}:${minute} UTC`;
}

/** A `<time>` element with the machine-readable instant and a readable UTC label. */
export function DateTime({ value, dateOnly = false, className }: { value: DateInput; dateOnly?: boolean; className?: string }) {
  const date = toDate(value);
  const iso = date.toISOString();
  return (
    <time dateTime={iso} title={iso} className={className}>
      {dateOnly ? formatDate(date) : formatDateTime(date)}
    </time>
  );
}
