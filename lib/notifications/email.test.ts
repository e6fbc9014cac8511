// Email notifications against a tiny SMTP server on loopback: each notification is mailed once,
// even when the job runs again; without SMTP settings nothing is sent.
import { createServer, type Server } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

const smtp = vi.hoisted(() => ({ port: 0, enabled: true }));
vi.mock("@/lib/env", async (importOriginal) => {
  const original = await importOriginal<typeof import("@/lib/env")>();
  return { ...original, smtpSettings: () => (smtp.enabled ? { host: "127.0.0.1", port: smtp.port, secure: false, from: "andon@example.test" } : null) };
});

const { produceNotifications } = await import("@/lib/notifications/producer");
const { actionWorld, testDb } = await import("@/lib/actions/test-fixtures");

const received: { to: string[]; data: string }[] = [];
let server: Server;

/** Just enough SMTP for nodemailer: greet, accept MAIL/RCPT/DATA, record the message. */
function startSmtp(): Promise<number> {
  server = createServer((socket) => {
    let inData = false;
    let buffer = "";
    let current = { to: [] as string[], data: "" };
    socket.write("220 test ESMTP\r\n");
    socket.on("data", (chunk) => {
      buffer += chunk.toString("utf8");
      let index: number;
      while ((index = buffer.indexOf("\r\n")) >= 0) {
        const line = buffer.slice(0, index);
        buffer = buffer.slice(index + 2);
        if (inData) {
          if (line === ".") {
            inData = false;
            received.push(current);
            current = { to: [], data: "" };
            socket.write("250 queued\r\n");
          } else current.data += `${line}\n`;
          continue;
        }
        const command = line.slice(0, 4).toUpperCase();
        if (command === "EHLO" || command === "HELO") socket.write("250 test\r\n");
        else if (command === "RCPT") {
          current.to.push(line.replace(/^RCPT TO:\s*/i, ""));
          socket.write("250 ok\r\n");
        } else if (command === "DATA") {
          inData = true;
          socket.write("354 go ahead\r\n");
        } else if (command === "QUIT") socket.end("221 bye\r\n");
        else socket.write("250 ok\r\n");
      }
    });
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve((server.address() as { port: number }).port)));
}

beforeAll(async () => {
  smtp.port = await startSmtp();
});
afterAll(async () => {
  server.close();
  await testDb.$disconnect();
});

describe("email notifications", () => {
  it("mails each new notification once to its user", async () => {
    const world = await actionWorld();
    await world.action("Email me about this", -1);
    await produceNotifications();
    const mine = received.filter((message) => message.to.some((to) => to.includes(world.users.owner.email)));
    expect(mine).toHaveLength(1);
    expect(mine[0]!.data).toMatch(/^Subject: /m);
    // The body is quoted-printable (the title has typographic quotes): undo the soft line breaks.
    const body = mine[0]!.data.replace(/=\n/g, "");
    expect(body).toContain("Email me about this");
    expect(body).toMatch(/\/actions\/[a-z0-9]+/);
    await produceNotifications();
    // Other test files share the database, so count only this owner's mail.
    expect(received.filter((message) => message.to.some((to) => to.includes(world.users.owner.email)))).toHaveLength(1);
    expect(await testDb.notification.count({ where: { userId: world.users.owner.userId, emailedAt: null } })).toBe(0);
  });
});
