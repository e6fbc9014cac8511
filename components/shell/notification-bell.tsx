import { getCurrentUser } from "@/lib/auth/session";
import { unreadCountFor } from "@/lib/notifications/queries";
import { BellMenu } from "@/components/shell/bell-menu";

/** The bell in the frame: only the unread count; the list loads when it is opened. */
export async function NotificationBell({ placement }: { placement: "sidebar" | "header" }) {
  const user = await getCurrentUser();
  if (!user) return null;
  return <BellMenu unread={await unreadCountFor(user.userId)} placement={placement} />;
}
