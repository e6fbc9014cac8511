/**
 * Makes every console line the server writes — Next.js's own error reports included — one JSON
 * line, with the request id of the request being served, an error's message, causes and stack in
 * that one line, and the same error object reported once only.
 */
import { format } from "node:util";

import { describeError, logLine, type LogLevel } from "../../lib/log";

const METHODS: [keyof Console, LogLevel][] = [
  ["error", "error"],
  ["warn", "warn"],
  ["info", "info"],
  ["log", "info"],
  ["debug", "debug"],
];

export function installJsonConsole(): void {
  const reported = new WeakSet<object>();
  for (const [method, level] of METHODS) {
    const stream = level === "error" || level === "warn" ? process.stderr : process.stdout;
    (console as unknown as Record<string, (...args: unknown[]) => void>)[method] = (...args: unknown[]) => {
      const line = toJsonLine(level, args, reported);
      if (line) stream.write(`${line}\n`);
    };
  }
}

function toJsonLine(level: LogLevel, args: unknown[], reported: WeakSet<object>): string | undefined {
  // Lines that are JSON already (the app's own logs) pass through unchanged.
  if (args.length === 1 && typeof args[0] === "string" && /^\{.*\}$/s.test(args[0].trim()) && !args[0].includes("\n")) return args[0].trim();
  const error = args.find((arg): arg is Error => arg instanceof Error);
  if (error) {
    if (reported.has(error)) return undefined;
    reported.add(error);
  }
  const text = args
    .filter((arg) => arg !== error)
    .map((arg) => (typeof arg === "string" ? arg : format("%o", arg)))
    .join(" ")
    .trim();
  const message = text || error?.message || "";
  return logLine(level, message.replace(/\s+$/, ""), error ? describeError(error) : {});
}
