/**
 * POSIX shell quoting for the commands Andon shows (run mode, rollbacks, the Markdown runbook). The
 * Chaos Toolkit export never goes through a shell (process providers take an argument list); these
 * strings are for people who copy and paste, so anything that is not plainly safe is single-quoted.
 */
const PLAIN = /^[A-Za-z0-9_\-.,:/=@%+]+$/;

export function shellQuote(value: string): string {
  if (PLAIN.test(value)) return value;
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

export function shellCommand(path: string, args: readonly string[]): string {
  return [path, ...args].map(shellQuote).join(" ");
}
