import { getCurrentUser } from "@/lib/auth/session";
import { bellFor } from "@/lib/notifications/queries";
import { BellMenu } from "@/components/shell/bell-menu";

/** The bell in the frame: the signed-in user's own notifications only. */
export async function NotificationBell() {
  const user = await getCurrentUser();
  if (!user) return null;
  const { unread, latest } = await bellFor(user.userId);
  return (
    <BellMenu
      unread={unread}
      items={latest.map((item) => ({ id: item.id, kind: item.kind, title: item.title, actionId: item.actionId, read: item.readAt !== null, createdAt: item.createdAt.toISOString() }))}
    />
  );
}
