export interface ReadyBoxContent {
  appUrl: string;
  mode: string;
  database: string;
  logins: { email: string; password: string; role: string }[];
}

/** The framed "Andon is running" message with the URL, demo logins and database. */
export function readyBox({ appUrl, mode, database, logins }: ReadyBoxContent): string {
  const emailWidth = Math.max(0, ...logins.map((login) => login.email.length));
  const roleWidth = Math.max(0, ...logins.map((login) => login.role.length));
  const lines = [
    `Andon is running (${mode}): ${appUrl}`,
    "",
    ...(logins.length > 0
      ? ["Demo logins:", ...logins.map((login) => `  ${login.role.padEnd(roleWidth)}  ${login.email.padEnd(emailWidth)}  ${login.password}`), ""]
      : []),
    `Database: ${database}`,
    "Stop with Ctrl-C.",
  ];
  const width = Math.max(...lines.map((line) => line.length));
  const border = "─".repeat(width + 4);
  return ["", `╭${border}╮`, ...lines.map((line) => `│  ${line.padEnd(width)}  │`), `╰${border}╯`, ""].join("\n");
}
