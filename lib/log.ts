import { currentRequestId } from "@/lib/ops/request-context";
import { redactText, redactValue } from "@/lib/ops/redact";

/**
 * Structured server logs: one JSON line per event, so any log collector can parse them. Every line
 * carries the request id when it is written while serving a request; errors carry their cause
 * chain once, in the same line; secrets are redacted.
 */
export function logError(message: string, error: unknown, context: Record<string, unknown> = {}): void {
  writeLine("error", message, { ...context, ...describeError(error) });
}

export function logWarn(message: string, context: Record<string, unknown> = {}): void {
  writeLine("warn", message, context);
}

export function logInfo(message: string, context: Record<string, unknown> = {}): void {
  writeLine("info", message, context);
}

export type LogLevel = "error" | "warn" | "info" | "debug";

export function logLine(level: LogLevel, message: string, context: Record<string, unknown> = {}): string {
  const requestId = currentRequestId();
  const line = {
    level,
    time: new Date().toISOString(),
    message: redactText(message),
    ...(requestId ? { requestId } : {}),
    ...(redactValue(context) as object),
  };
  return JSON.stringify(line);
}

function writeLine(level: LogLevel, message: string, context: Record<string, unknown>): void {
  const line = logLine(level, message, context);
  // Straight to the streams: the custom server turns console output into JSON too, and these lines already are.
  (level === "error" || level === "warn" ? process.stderr : process.stdout).write(`${line}\n`);
}

/** An error as fields of a log line: message, code, stack, and each cause's message and code. */
export function describeError(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { error: String(error) };
  const causes: { message: string; code?: string }[] = [];
  const seen = new Set<unknown>([error]);
  for (let cause: unknown = error.cause; cause && !seen.has(cause) && causes.length < 5; cause = (cause as { cause?: unknown }).cause) {
    seen.add(cause);
    const code = (cause as { code?: unknown }).code;
    causes.push({ message: cause instanceof Error ? cause.message : String(cause), ...(typeof code === "string" ? { code } : {}) });
  }
  const code = (error as { code?: unknown }).code;
  return {
    error: error.message,
    errorName: error.name,
    ...(typeof code === "string" ? { code } : {}),
    ...(causes.length > 0 ? { causes } : {}),
    stack: error.stack,
  };
}
