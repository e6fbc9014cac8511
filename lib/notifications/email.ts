import "server-only";
import nodemailer from "nodemailer";
import { db } from "@/lib/db";
import { env, smtpSettings } from "@/lib/env";
import { notificationHref } from "@/lib/notifications/queries";

/**
 * Emails the notifications that have not been emailed yet, when SMTP is configured. Each row is
 * claimed (emailedAt set) before sending, so two instances never send the same one twice; a
 * failed send releases the claim for the next run.
 */
export async function sendPendingEmails(now = new Date()): Promise<number> {
  const smtp = smtpSettings();
  if (!smtp) return 0;
  const transport = nodemailer.createTransport({
    host: smtp.host,
    port: smtp.port,
    secure: smtp.secure,
    auth: smtp.user ? { user: smtp.user, pass: smtp.password } : undefined,
  });
  const pending = await db.notification.findMany({
    where: { emailedAt: null, createdAt: { gte: new Date(now.getTime() - 2 * 86_400_000) } },
    select: { id: true, title: true, actionId: true, href: true, user: { select: { email: true, name: true } } },
    // Newest first: what just happened is what someone must act on; a backlog beyond one run's 200
    // drains on the following runs (an unordered pick could skip a fresh one for runs on end).
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    take: 200,
  });
  const baseUrl = env().NEXTAUTH_URL ?? "http://localhost:3000";
  let sent = 0;
  for (const notification of pending) {
    const { count } = await db.notification.updateMany({ where: { id: notification.id, emailedAt: null }, data: { emailedAt: now } });
    if (count === 0) continue;
    try {
      await transport.sendMail({
        from: smtp.from,
        to: `${notification.user.name} <${notification.user.email}>`,
        subject: `[Andon] ${notification.title}`,
        text: `${notification.title}\n\n${baseUrl}${notificationHref(notification)}\n\n${notification.actionId ? "You get this email because you own or manage this corrective action in Andon." : "You get this email because of your role in Andon."}`,
      });
      sent += 1;
    } catch (error) {
      await db.notification.update({ where: { id: notification.id }, data: { emailedAt: null } });
      throw error;
    }
  }
  return sent;
}
