/** Time to detect, mitigate and resolve, measured from when the incident started. */
export type IncidentTimes = {
  startedAt: Date | string | null;
  detectedAt: Date | string | null;
  mitigatedAt: Date | string | null;
  resolvedAt: Date | string | null;
};

function ms(value: Date | string | null): number | null {
  if (value === null) return null;
  const time = new Date(value).getTime();
  return Number.isNaN(time) ? null : time;
}

export function incidentDurations(times: IncidentTimes): { toDetect: number | null; toMitigate: number | null; toResolve: number | null } {
  const start = ms(times.startedAt);
  const since = (value: Date | string | null) => {
    const end = ms(value);
    return start === null || end === null ? null : end - start;
  };
  return { toDetect: since(times.detectedAt), toMitigate: since(times.mitigatedAt), toResolve: since(times.resolvedAt) };
}

/** "45 min", "2 h 5 min", "3 d 4 h"; "—" when unknown. */
export function formatDuration(milliseconds: number | null): string {
  if (milliseconds === null || milliseconds < 0) return "—";
  const minutes = Math.round(milliseconds / 60_000);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return minutes % 60 === 0 ? `${hours} h` : `${hours} h ${minutes % 60} min`;
  const days = Math.floor(hours / 24);
  return hours % 24 === 0 ? `${days} d` : `${days} d ${hours % 24} h`;
}
