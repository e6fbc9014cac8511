"use client";

import { useState } from "react";
import { runAction } from "@/components/ui/run-action";
import { setNotificationPreferenceAction } from "@/lib/notifications/actions";
import { OPTIONAL_NOTIFICATION_GROUPS, type OptionalNotificationKind } from "@/lib/notifications/preferences";

/**
 * One checkbox per optional notification kind, saved as soon as it changes; the box shows the
 * server's answer, and a failure puts it back with the reason.
 */
export function NotificationPreferences({ optedOut }: { optedOut: string[] }) {
  const [off, setOff] = useState(() => new Set(optedOut));
  const [pending, setPending] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function toggle(kind: OptionalNotificationKind, enabled: boolean) {
    setPending(kind);
    setError(null);
    const result = await runAction(() => setNotificationPreferenceAction({ kind, enabled }));
    setPending(null);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    setOff((current) => {
      const next = new Set(current);
      if (result.data.enabled) next.delete(kind);
      else next.add(kind);
      return next;
    });
  }

  return (
    <div className="space-y-5">
      {OPTIONAL_NOTIFICATION_GROUPS.map((group) => (
        <fieldset key={group.title}>
          <legend className="text-sm font-semibold text-slate-900">{group.title}</legend>
          <ul className="mt-2 space-y-2">
            {group.kinds.map(({ kind, label }) => (
              <li key={kind}>
                <label className="flex items-start gap-2 text-sm text-slate-800">
                  <input
                    type="checkbox"
                    className="mt-0.5 size-4 rounded border-slate-400 text-indigo-600"
                    checked={!off.has(kind)}
                    disabled={pending === kind}
                    onChange={(event) => void toggle(kind, event.target.checked)}
                  />
                  <span>{label}</span>
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
      ))}
      {error ? (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}
