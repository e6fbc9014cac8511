/** One row of the bell: the newest notification about a subject, and how many there are about it. */
export type BellRow = {
  /** Every notification the row stands for, newest first: opening the row marks them all read. */
  ids: string[];
  kind: string;
  title: string;
  href: string;
  read: boolean;
  createdAt: string;
  count: number;
};

/** What a notification is about: the page it leads to, without the place on it (#thread-4). A query stays: it names the subject (/policies?team=…). */
function notificationSubject(href: string): string {
  return href.replace(/#.*$/, "");
}

/**
 * Groups notifications (newest first) by subject, so five comments and an approval on one COE are one
 * row with a count instead of six rows pushing everything else out of the bell. A row keeps the
 * newest notification's words and link and is unread while any of its notifications is.
 */
export function groupBellRows(
  notifications: readonly { id: string; kind: string; title: string; href: string; read: boolean; createdAt: string }[],
  limit: number,
): BellRow[] {
  const rows = new Map<string, BellRow>();
  for (const notification of notifications) {
    const subject = notificationSubject(notification.href);
    const row = rows.get(subject);
    if (row) {
      row.ids.push(notification.id);
      row.count += 1;
      row.read &&= notification.read;
      continue;
    }
    if (rows.size === limit) continue;
    const { id, ...rest } = notification;
    rows.set(subject, { ...rest, ids: [id], count: 1 });
  }
  return [...rows.values()];
}
