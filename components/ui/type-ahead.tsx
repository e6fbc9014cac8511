"use client";

import { useRef, useState, type KeyboardEvent } from "react";
import { cn } from "@/components/ui/cn";
import { inputClasses } from "@/components/ui/form-field";
import { lookupMessage, useLookup } from "@/components/ui/use-lookup";
import type { LookupItem, LookupSource } from "@/lib/lookup/schemas";

type TypeAheadProps = {
  id: string;
  /** The name of the hidden input that carries the chosen id ("" for none) in the form. */
  name: string;
  label: string;
  /** One of the lookup routes (lib/lookup/schemas.ts LOOKUP_SOURCES). */
  source: LookupSource;
  /** The chosen id and its label when the page loads (e.g. read back from the URL). */
  defaultValue?: string;
  defaultLabel?: string;
  placeholder?: string;
  /** The first choice of the list, meaning "any" / none: e.g. "Any service". */
  emptyLabel: string;
  className?: string;
  labelClassName?: string;
  /** Field errors from a failed save, shown under the input and announced. */
  errors?: string[];
  onChange?: (choice: LookupItem | null) => void;
  /**
   * Controlled use (a picker inside a client form): the chosen id, followed when it changes from
   * outside (a merge, a restored draft). Its label is `defaultLabel`.
   */
  value?: string;
  /** false when a choice, once made, can be replaced but not emptied (an action's owner). */
  clearable?: boolean;
  /** The input's accessible name when it differs from the visible label (rows: "Action 2 owner"). */
  ariaLabel?: string;
};

/**
 * A type-ahead picker over a lookup route, in place of a <select> holding every person or service of
 * the organization. WAI-ARIA combobox with a listbox popup: arrows move, Enter chooses, Escape
 * closes. The chosen id travels in a hidden input, so it works in plain GET forms and server-action
 * forms alike; without JavaScript the page's choice still submits unchanged.
 */
export function TypeAhead({
  id,
  name,
  label,
  source,
  defaultValue,
  defaultLabel,
  placeholder,
  emptyLabel,
  className,
  labelClassName,
  errors,
  onChange,
  value,
  clearable = true,
  ariaLabel,
}: TypeAheadProps) {
  const initial = value ?? defaultValue;
  const [choice, setChoice] = useState<LookupItem | null>(initial ? { value: initial, label: defaultLabel ?? initial } : null);
  const [text, setText] = useState(choice?.label ?? "");
  const [followed, setFollowed] = useState(value);
  if (value !== followed) {
    setFollowed(value);
    if (value !== (choice?.value ?? "")) {
      const next = value ? { value, label: defaultLabel ?? value } : null;
      setChoice(next);
      setText(next?.label ?? "");
    }
  }
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState("");
  const [active, setActive] = useState(0);
  // Row 0 is the empty choice when the picker may be emptied; the items follow.
  const first = clearable ? 1 : 0;
  const { items, status } = useLookup(source, open, query, (answered, answeredQuery) => setActive(answered.length > 0 && answeredQuery ? first : 0));
  const inputRef = useRef<HTMLInputElement>(null);
  const listboxId = `${id}-listbox`;
  const options: LookupItem[] = clearable ? [{ value: "", label: emptyLabel }, ...items] : items;

  function choose(next: LookupItem | null) {
    setChoice(next);
    setText(next?.label ?? "");
    setOpen(false);
    onChange?.(next);
  }

  function close() {
    setOpen(false);
    setText(choice?.label ?? "");
  }

  function openWith(nextQuery: string) {
    setQuery(nextQuery);
    setOpen(true);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    switch (event.key) {
      case "ArrowDown":
      case "ArrowUp": {
        event.preventDefault();
        if (!open) return openWith("");
        if (options.length === 0) return;
        const step = event.key === "ArrowDown" ? 1 : -1;
        setActive((current) => (current + step + options.length) % options.length);
        return;
      }
      case "Enter":
        if (!open) return; // submits the form
        event.preventDefault();
        // While a search runs the highlighted row may be stale: wait for the answer.
        if (status === "done") {
          const picked = options[active];
          if (picked?.value || clearable) choose(picked && picked.value ? picked : null);
        }
        return;
      case "Escape":
        if (open) {
          event.preventDefault();
          close();
        }
        return;
      case "Tab":
        if (open) close();
        return;
    }
  }

  const activeId = open && options[active] ? `${id}-option-${active}` : undefined;
  const message = lookupMessage(status, items.length);

  return (
    <div className={cn("relative", className)}>
      <label htmlFor={id} className={labelClassName ?? "block text-sm font-medium text-slate-800"}>
        {label}
      </label>
      <div className="relative mt-1">
        <input
          ref={inputRef}
          id={id}
          type="text"
          role="combobox"
          aria-label={ariaLabel}
          aria-autocomplete="list"
          aria-expanded={open}
          aria-controls={listboxId}
          aria-activedescendant={activeId}
          aria-invalid={errors && errors.length > 0 ? true : undefined}
          aria-describedby={errors && errors.length > 0 ? `${id}-errors` : undefined}
          autoComplete="off"
          spellCheck={false}
          value={text}
          placeholder={placeholder ?? emptyLabel}
          className={cn(inputClasses, choice && clearable ? "pr-8" : undefined)}
          onChange={(event) => {
            setText(event.target.value);
            openWith(event.target.value.trim());
          }}
          onClick={() => (open ? undefined : openWith(""))}
          onFocus={(event) => event.target.select()}
          onKeyDown={onKeyDown}
          onBlur={close}
        />
        {choice && clearable ? (
          <button
            type="button"
            aria-label={`Clear ${label}`}
            title="Clear"
            className="absolute inset-y-0 right-0 flex w-8 items-center justify-center rounded-r-md text-slate-400 hover:text-slate-700 focus-visible:outline-2 focus-visible:outline-indigo-600"
            onClick={() => {
              choose(null);
              inputRef.current?.focus();
            }}
          >
            <span aria-hidden="true">×</span>
          </button>
        ) : null}
        <div
          className={cn(
            "absolute top-full left-0 z-20 mt-1 max-h-72 w-max min-w-full max-w-sm overflow-auto rounded-md bg-white py-1 text-sm shadow-lg ring-1 ring-slate-200",
            open ? undefined : "hidden",
          )}
        >
          <ul id={listboxId} role="listbox" aria-label={label}>
            {open
              ? options.map((option, index) => (
                  <li
                    key={option.value || "(empty)"}
                    id={`${id}-option-${index}`}
                    role="option"
                    aria-selected={index === active}
                    className={cn(
                      "cursor-pointer whitespace-nowrap px-3 py-1.5",
                      index === active ? "bg-indigo-50 text-indigo-900" : "text-slate-800",
                      index === 0 && clearable ? "text-slate-500" : undefined,
                    )}
                    // Keeps the focus in the input, so its blur does not close the list before the click.
                    onMouseDown={(event) => event.preventDefault()}
                    onMouseEnter={() => setActive(index)}
                    onClick={() => choose(option.value ? option : null)}
                  >
                    <span className={option.value === choice?.value && option.value ? "font-medium" : undefined}>{option.label}</span>
                    {option.hint ? <span className="ml-2 text-xs text-slate-500">{option.hint}</span> : null}
                  </li>
                ))
              : null}
          </ul>
          <p role="status" aria-live="polite" className={message ? "px-3 py-1.5 text-xs text-slate-500" : "sr-only"}>
            {open ? message : null}
          </p>
        </div>
      </div>
      <input type="hidden" name={name} value={choice?.value ?? ""} />
      {errors && errors.length > 0 ? (
        <p id={`${id}-errors`} className="mt-1 text-sm text-red-700" role="alert">
          {errors.join(" ")}
        </p>
      ) : null}
    </div>
  );
}
