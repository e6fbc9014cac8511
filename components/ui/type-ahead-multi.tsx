"use client";

import { useRef, useState, type KeyboardEvent } from "react";
import { cn } from "@/components/ui/cn";
import { inputClasses } from "@/components/ui/form-field";
import { lookupMessage, useLookup } from "@/components/ui/use-lookup";
import type { LookupItem, LookupSource } from "@/lib/lookup/schemas";

type TypeAheadMultiProps = {
  id: string;
  label: string;
  /** One of the lookup routes (lib/lookup/schemas.ts LOOKUP_SOURCES). */
  source: LookupSource;
  /** The chosen items, in the order they were chosen. */
  value: LookupItem[];
  onChange: (value: LookupItem[]) => void;
  hint?: string;
  placeholder?: string;
  /** When set, each chosen id also travels in a hidden input of this name (plain forms). */
  name?: string;
  className?: string;
  /** Field errors from a failed save, shown under the input and announced. */
  errors?: string[];
};

/**
 * The type-ahead picker for several choices (affected services, authors): the chosen ones are chips
 * with a remove button each, and the input searches a lookup route instead of the page holding the
 * whole organization. WAI-ARIA combobox with a multi-selectable listbox: arrows move, Enter adds or
 * removes the highlighted choice and keeps the list open for the next one, Backspace in the empty
 * input removes the last chip, Escape closes. Additions and removals are announced.
 */
export function TypeAheadMulti({ id, label, source, value, onChange, hint, placeholder, name, className, errors }: TypeAheadMultiProps) {
  const [text, setText] = useState("");
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState("");
  const [active, setActive] = useState(0);
  const [announcement, setAnnouncement] = useState("");
  const { items, status } = useLookup(source, open, query, () => setActive(0));
  const inputRef = useRef<HTMLInputElement>(null);
  const listboxId = `${id}-listbox`;
  const chosen = new Set(value.map((item) => item.value));
  const describedBy = [hint ? `${id}-hint` : null, errors?.length ? `${id}-errors` : null].filter(Boolean).join(" ") || undefined;

  function openWith(nextQuery: string) {
    setQuery(nextQuery);
    setOpen(true);
  }

  function toggle(item: LookupItem) {
    if (chosen.has(item.value)) {
      onChange(value.filter((entry) => entry.value !== item.value));
      setAnnouncement(`Removed ${item.label}.`);
    } else {
      onChange([...value, { value: item.value, label: item.label }]);
      setAnnouncement(`Added ${item.label}.`);
    }
    // Ready for the next name: the search starts over, the list stays open.
    setText("");
    openWith("");
  }

  function remove(item: LookupItem) {
    onChange(value.filter((entry) => entry.value !== item.value));
    setAnnouncement(`Removed ${item.label}.`);
    inputRef.current?.focus();
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    switch (event.key) {
      case "ArrowDown":
      case "ArrowUp": {
        event.preventDefault();
        if (!open) return openWith(text.trim());
        if (items.length === 0) return;
        const step = event.key === "ArrowDown" ? 1 : -1;
        setActive((current) => (current + step + items.length) % items.length);
        return;
      }
      case "Enter":
        // Never submits a surrounding form: Enter here means "take this one".
        event.preventDefault();
        if (open && status === "done" && items[active]) toggle(items[active]);
        return;
      case "Escape":
        if (open) {
          event.preventDefault();
          setOpen(false);
        }
        return;
      case "Backspace":
        if (text === "" && value.length > 0) remove(value.at(-1)!);
        return;
      case "Tab":
        setOpen(false);
        setText("");
        return;
    }
  }

  const message = lookupMessage(status, items.length);
  const activeId = open && items[active] ? `${id}-option-${active}` : undefined;

  return (
    <div className={cn("relative", className)}>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      <div className="mt-1 rounded-md bg-white p-1.5 shadow-sm ring-1 ring-inset ring-slate-300 focus-within:ring-2 focus-within:ring-indigo-600">
        {value.length > 0 ? (
          <ul className="mb-1 flex flex-wrap gap-1" aria-label={`Chosen: ${label}`}>
            {value.map((item) => (
              <li
                key={item.value}
                className="inline-flex items-center gap-1 rounded-full bg-indigo-50 py-0.5 pl-2.5 pr-1 text-sm text-indigo-900 ring-1 ring-inset ring-indigo-200"
              >
                {item.label}
                <button
                  type="button"
                  aria-label={`Remove ${item.label}`}
                  title="Remove"
                  className="inline-flex size-5 items-center justify-center rounded-full text-indigo-700 hover:bg-indigo-100 focus-visible:outline-2 focus-visible:outline-indigo-600"
                  onClick={() => remove(item)}
                >
                  {/* Drawn, not a "×" character, so the chip's text is the name alone. */}
                  <svg aria-hidden="true" viewBox="0 0 12 12" className="size-3" fill="none" stroke="currentColor" strokeWidth="1.75" strokeLinecap="round">
                    <path d="M3 3l6 6M9 3l-6 6" />
                  </svg>
                </button>
              </li>
            ))}
          </ul>
        ) : null}
        <input
          ref={inputRef}
          id={id}
          type="text"
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={open}
          aria-controls={listboxId}
          aria-activedescendant={activeId}
          aria-invalid={errors && errors.length > 0 ? true : undefined}
          aria-describedby={describedBy}
          autoComplete="off"
          spellCheck={false}
          value={text}
          placeholder={placeholder ?? "Type to search…"}
          className={cn(inputClasses, "shadow-none ring-0 focus:ring-0")}
          onChange={(event) => {
            setText(event.target.value);
            openWith(event.target.value.trim());
          }}
          onClick={() => (open ? undefined : openWith(text.trim()))}
          onKeyDown={onKeyDown}
          onBlur={() => {
            setOpen(false);
            setText("");
          }}
        />
      </div>
      {name ? value.map((item) => <input key={item.value} type="hidden" name={name} value={item.value} />) : null}
      <div
        className={cn(
          "absolute left-0 z-20 mt-1 max-h-72 w-max min-w-full max-w-sm overflow-auto rounded-md bg-white py-1 text-sm shadow-lg ring-1 ring-slate-200",
          open ? undefined : "hidden",
        )}
      >
        <ul id={listboxId} role="listbox" aria-label={label} aria-multiselectable="true">
          {open
            ? items.map((item, index) => (
                <li
                  key={item.value}
                  id={`${id}-option-${index}`}
                  role="option"
                  aria-selected={chosen.has(item.value)}
                  className={cn(
                    "flex cursor-pointer items-center gap-2 whitespace-nowrap px-3 py-1.5",
                    index === active ? "bg-indigo-50 text-indigo-900" : "text-slate-800",
                  )}
                  // Keeps the focus in the input, so its blur does not close the list before the click.
                  onMouseDown={(event) => event.preventDefault()}
                  onMouseEnter={() => setActive(index)}
                  onClick={() => toggle(item)}
                >
                  <span aria-hidden="true" className="w-3 text-indigo-700">
                    {chosen.has(item.value) ? "✓" : ""}
                  </span>
                  <span className={chosen.has(item.value) ? "font-medium" : undefined}>{item.label}</span>
                  {item.hint ? <span className="text-xs text-slate-500">{item.hint}</span> : null}
                </li>
              ))
            : null}
        </ul>
        <p className={message ? "px-3 py-1.5 text-xs text-slate-500" : "sr-only"}>{open ? message : null}</p>
      </div>
      <p role="status" aria-live="polite" className="sr-only">
        {announcement}
      </p>
      {hint ? (
        <p id={`${id}-hint`} className="mt-1 text-xs text-slate-600">
          {hint}
        </p>
      ) : null}
      {errors && errors.length > 0 ? (
        <p id={`${id}-errors`} className="mt-1 text-sm text-red-700" role="alert">
          {errors.join(" ")}
        </p>
      ) : null}
    </div>
  );
}
