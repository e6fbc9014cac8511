"use client";

import { useState, type InputHTMLAttributes } from "react";
import { inputClasses } from "@/components/ui/form-field";
import { cn } from "@/components/ui/cn";
import { displayUtcInput, parseUtcInput } from "./editor-model";

type DateTimeInputProps = Omit<InputHTMLAttributes<HTMLInputElement>, "value" | "onChange" | "type"> & {
  /** The form's value: "YYYY-MM-DDTHH:mm" (UTC) once it is a time, the typed text until then. */
  value: string;
  onChange: (value: string) => void;
  /** The form time whose day a bare "14:05" is read on. */
  sameDayAs?: string;
};

/**
 * A UTC date and time that accepts typing and pasting ("2026-11-30 14:05", "2026-11-30T14:05Z",
 * "14:05"), where the browser's datetime-local input takes neither a paste nor a time alone. What
 * the author types stays as typed; it becomes the form's time as soon as it reads as one, and on
 * leaving the field (or pasting) it is written out in full.
 */
export function DateTimeInput({ value, onChange, sameDayAs, className, onBlur, ...rest }: DateTimeInputProps) {
  const [text, setText] = useState(displayUtcInput(value));
  // The value last sent up: a different value arriving (a restored draft, a merge) replaces the text.
  const [sent, setSent] = useState(value);
  if (value !== sent) {
    setSent(value);
    setText(displayUtcInput(value));
  }

  function send(next: string) {
    setSent(next);
    if (next !== value) onChange(next);
  }

  return (
    <input
      {...rest}
      type="text"
      inputMode="text"
      autoComplete="off"
      spellCheck={false}
      placeholder="YYYY-MM-DD HH:mm"
      className={cn(inputClasses, "font-mono", className)}
      value={text}
      onChange={(event) => {
        setText(event.target.value);
        send(parseUtcInput(event.target.value) ?? event.target.value);
      }}
      onPaste={(event) => {
        const pasted = event.clipboardData.getData("text");
        const parsed = parseUtcInput(pasted, sameDayAs ?? value);
        const input = event.currentTarget;
        const replacesAll = input.value === "" || (input.selectionStart === 0 && input.selectionEnd === input.value.length);
        if (parsed && replacesAll) {
          event.preventDefault();
          setText(displayUtcInput(parsed));
          send(parsed);
        }
      }}
      onBlur={(event) => {
        const parsed = parseUtcInput(text, sameDayAs ?? value);
        if (parsed) {
          setText(displayUtcInput(parsed));
          send(parsed);
        }
        onBlur?.(event);
      }}
    />
  );
}
