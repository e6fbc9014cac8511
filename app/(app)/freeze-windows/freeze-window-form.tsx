"use client";

import { useMemo, useState, useSyncExternalStore } from "react";
import { Button } from "@/components/ui/button";
import { FormAlerts } from "@/components/ui/form-alerts";
import { FormField, inputClasses } from "@/components/ui/form-field";
import { useActionForm } from "@/components/ui/use-action-form";
import { createFreezeWindowAction } from "@/lib/freeze-windows/actions";
import { freezeWindowSchema } from "@/lib/freeze-windows/schemas";
import { subtreeIds } from "@/lib/org/tree";

type TeamChoice = { id: string; parentId: string | null; label: string };
type ServiceChoice = { id: string; name: string; teamId: string };

const PRESETS = [
  { label: "Every week", rrule: "FREQ=WEEKLY" },
  { label: "Every day", rrule: "FREQ=DAILY" },
  { label: "Fridays", rrule: "FREQ=WEEKLY;BYDAY=FR" },
  { label: "Last Friday of the month", rrule: "FREQ=MONTHLY;BYDAY=-1FR" },
] as const;

const subscribe = () => () => {};
const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";

/**
 * A freeze window for a team the caller manages: once (start, end) or repeating the first
 * occurrence by an RRULE, in a time zone (the browser's by default). Times are wall-clock times in
 * that zone. Checked with the server's schema first; the server's field errors show under each input.
 */
export function FreezeWindowForm({ teams, services, defaultTeamId }: { teams: TeamChoice[]; services: ServiceChoice[]; defaultTeamId: string }) {
  const [teamId, setTeamId] = useState(defaultTeamId);
  const [reason, setReason] = useState("");
  const [startsAt, setStartsAt] = useState("");
  const [endsAt, setEndsAt] = useState("");
  const [chosenZone, setChosenZone] = useState<string | null>(null);
  const [repeats, setRepeats] = useState(false);
  const [rrule, setRrule] = useState("");
  const [serviceIds, setServiceIds] = useState<string[]>([]);
  const [environments, setEnvironments] = useState("");
  const form = useActionForm();
  // The browser's zone is known only in the browser: the server renders UTC, then it switches.
  const defaultZone = useSyncExternalStore(subscribe, browserZone, () => "UTC");
  const timeZone = chosenZone ?? defaultZone;
  const zones = useSyncExternalStore(
    subscribe,
    () => zoneList,
    () => SERVER_ZONES,
  );

  const subtreeServices = useMemo(() => {
    const inSubtree = new Set(subtreeIds(teams, teamId));
    return services.filter((service) => inSubtree.has(service.teamId));
  }, [teams, services, teamId]);

  function submit(event: React.FormEvent) {
    event.preventDefault();
    form.submit({
      schema: freezeWindowSchema,
      input: {
        teamId,
        reason,
        startsAt,
        endsAt,
        timeZone,
        rrule: repeats ? rrule : null,
        serviceIds: serviceIds.filter((id) => subtreeServices.some((service) => service.id === id)),
        environments: environments
          .split(",")
          .map((value) => value.trim())
          .filter(Boolean),
      },
      action: createFreezeWindowAction,
      onSuccess: () => {
        setReason("");
        setStartsAt("");
        setEndsAt("");
        setRrule("");
        setServiceIds([]);
        return { success: "Scheduled. The deploy gate answers 423 inside the window." };
      },
    });
  }

  return (
    <form onSubmit={submit} className="space-y-4" aria-label="Schedule a freeze window" noValidate>
      <FormAlerts error={form.error} success={form.success} />
      <FormField label="Team" hint="The window covers this team and every team below it." errors={form.fieldErrors.teamId}>
        <select
          value={teamId}
          onChange={(event) => {
            setTeamId(event.target.value);
            setServiceIds([]);
          }}
          className={inputClasses}
        >
          {teams.map((team) => (
            <option key={team.id} value={team.id}>
              {team.label}
            </option>
          ))}
        </select>
      </FormField>
      <FormField label="Reason" hint="What people see when the gate stops their deploy." errors={form.fieldErrors.reason}>
        <input value={reason} onChange={(event) => setReason(event.target.value)} className={inputClasses} maxLength={500} placeholder="Weekend freeze" />
      </FormField>
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField label="Starts" errors={form.fieldErrors.startsAt}>
          <input type="datetime-local" value={startsAt} onChange={(event) => setStartsAt(event.target.value)} className={inputClasses} />
        </FormField>
        <FormField label="Ends" errors={form.fieldErrors.endsAt}>
          <input type="datetime-local" value={endsAt} onChange={(event) => setEndsAt(event.target.value)} className={inputClasses} />
        </FormField>
      </div>
      <FormField
        label="Time zone"
        hint="Start and end are wall-clock times here; a repeating window keeps them across daylight-saving changes."
        errors={form.fieldErrors.timeZone}
      >
        <input value={timeZone} onChange={(event) => setChosenZone(event.target.value)} className={inputClasses} list="freeze-window-zones" maxLength={64} />
      </FormField>
      <datalist id="freeze-window-zones">
        {zones.map((zone) => (
          <option key={zone} value={zone} />
        ))}
      </datalist>
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-slate-800">Repeats</legend>
        <label className="flex items-center gap-2 text-sm">
          <input type="radio" name="freeze-repeats" checked={!repeats} onChange={() => setRepeats(false)} /> Once
        </label>
        <label className="flex items-center gap-2 text-sm">
          <input type="radio" name="freeze-repeats" checked={repeats} onChange={() => setRepeats(true)} /> Repeats the first window by a rule
        </label>
      </fieldset>
      {repeats ? (
        <div className="space-y-2">
          <FormField
            label="RRULE"
            hint="RFC 5545, without DTSTART: the start and end above are the first occurrence. Fridays 16:00 to Mondays 08:00 is a Friday start, a Monday end and FREQ=WEEKLY."
            errors={form.fieldErrors.rrule}
          >
            <input
              value={rrule}
              onChange={(event) => setRrule(event.target.value)}
              className={`${inputClasses} font-mono`}
              maxLength={500}
              placeholder="FREQ=WEEKLY"
            />
          </FormField>
          <div className="flex flex-wrap gap-2" aria-label="Common rules">
            {PRESETS.map((preset) => (
              <Button key={preset.rrule} type="button" variant="secondary" size="sm" onClick={() => setRrule(preset.rrule)}>
                {preset.label}
              </Button>
            ))}
          </div>
        </div>
      ) : null}
      {subtreeServices.length > 0 ? (
        <fieldset>
          <legend className="text-sm font-medium text-slate-800">Only these services (optional)</legend>
          <p className="text-xs text-slate-600">None chosen: every service of the team and its sub-teams.</p>
          <div className="mt-2 max-h-48 space-y-1 overflow-y-auto rounded-md p-2 ring-1 ring-inset ring-slate-200">
            {subtreeServices.map((service) => (
              <label key={service.id} className="flex items-center gap-2 text-sm">
                <input
                  type="checkbox"
                  checked={serviceIds.includes(service.id)}
                  onChange={(event) =>
                    setServiceIds((current) => (event.target.checked ? [...current, service.id] : current.filter((id) => id !== service.id)))
                  }
                />
                <span className="font-mono break-all">{service.name}</span>
              </label>
            ))}
          </div>
          {form.fieldErrors.serviceIds ? <p className="mt-1 text-sm text-red-700">{form.fieldErrors.serviceIds.join(" ")}</p> : null}
        </fieldset>
      ) : null}
      <FormField
        label="Environments (optional)"
        hint="Comma-separated, as CI sends them (production). Empty: every environment."
        errors={form.fieldErrors.environments}
      >
        <input value={environments} onChange={(event) => setEnvironments(event.target.value)} className={inputClasses} maxLength={300} />
      </FormField>
      <Button type="submit" pending={form.pending}>
        Schedule the window
      </Button>
    </form>
  );
}

const SERVER_ZONES: string[] = ["UTC"];
// Every IANA zone the runtime knows, for the type-ahead (the server renders only UTC, see above).
const zoneList: string[] = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : SERVER_ZONES;
