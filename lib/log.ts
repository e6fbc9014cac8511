/** Structured server logs: one JSON line per event, so any log collector can parse them. */
export function logError(message: string, error: unknown, context: Record<string, unknown> = {}): void {
  const detail = error instanceof Error ? { error: error.message, stack: error.stack } : { error: String(error) };
  console.error(JSON.stringify({ level: "error", time: new Date().toISOString(), message, ...context, ...detail }));
}

export function logInfo(message: string, context: Record<string, unknown> = {}): void {
  console.log(JSON.stringify({ level: "info", time: new Date().toISOString(), message, ...context }));
}
