"use client";

import { useState } from "react";
import { Markdown } from "@/components/coes/markdown";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { FormField, inputClasses } from "@/components/ui/form-field";
import { blamelessHints } from "@/lib/coes/blameless";
import type { Question } from "@/lib/coes/questions";
import type { FieldErrors } from "@/lib/errors";
import { DateTimeInput } from "./datetime-input";
import { newRowId, referenceDay, type EditorForm, type EditorOptions, type KnownNames } from "./editor-model";

export type Update = (mutate: (form: EditorForm) => EditorForm) => void;
export type RememberNames = (known: KnownNames) => void;

/**
 * A visible label over one input of a row. The input keeps its longer accessible name ("Timeline
 * entry 2 time (UTC)"), which contains this text, so speech input finds it by what is shown.
 */
export function RowField({ text, className, children }: { text: string; className?: string; children: React.ReactNode }) {
  return (
    <label className={cn("flex flex-col gap-1 text-xs font-medium text-slate-600", className)}>
      <span>{text}</span>
      {children}
    </label>
  );
}

export function errorsUnder(errors: FieldErrors, prefix: string): string[] | undefined {
  const messages = Object.entries(errors)
    .filter(([key]) => key === prefix || key.startsWith(`${prefix}.`))
    .flatMap(([, list]) => list);
  return messages.length > 0 ? messages : undefined;
}

/** One of the six questions: its exact text as the label, guidance, Markdown with a preview, and hints. */
export function AnswerEditor({
  question,
  value,
  onChange,
  errors,
  colleagueNames,
  children,
}: {
  question: Question;
  value: string;
  onChange: (value: string) => void;
  errors?: string[];
  colleagueNames: string[];
  children?: React.ReactNode;
}) {
  const [preview, setPreview] = useState(false);
  const hints = blamelessHints(value, colleagueNames);
  return (
    <section id={question.field} className="space-y-2 border-t border-slate-200 pt-6 first:border-t-0 first:pt-0">
      <div className="flex items-center justify-between">
        <p className="text-xs font-semibold uppercase tracking-wide text-slate-500">Question {question.number} of 6</p>
        <div className="flex gap-1" role="group" aria-label={`${question.question} view`}>
          <Button size="sm" variant={preview ? "ghost" : "secondary"} onClick={() => setPreview(false)} aria-pressed={!preview}>
            Write
          </Button>
          <Button size="sm" variant={preview ? "secondary" : "ghost"} onClick={() => setPreview(true)} aria-pressed={preview}>
            Preview
          </Button>
        </div>
      </div>
      <FormField label={question.question} hint={question.guidance} errors={errors}>
        <textarea className={`${inputClasses} font-mono ${preview ? "hidden" : ""}`} rows={7} value={value} onChange={(e) => onChange(e.target.value)} />
      </FormField>
      {preview ? (
        <div className="rounded-md bg-slate-50 p-3 ring-1 ring-slate-200" aria-label={`Preview of ${question.question}`}>
          {value.trim() ? <Markdown source={value} /> : <p className="text-sm italic text-slate-500">Nothing to preview yet.</p>}
        </div>
      ) : null}
      {hints.length > 0 ? (
        <ul
          className="space-y-1 rounded-md bg-sky-50 p-3 text-sm text-sky-900 ring-1 ring-sky-200"
          aria-label={`Blameless-writing hints for ${question.question}`}
        >
          {hints.map((hint) => (
            <li key={hint.kind + hint.match}>
              <span className="font-medium">“{hint.match}”</span> — {hint.suggestion}
            </li>
          ))}
        </ul>
      ) : null}
      {children}
    </section>
  );
}

/** Adds a row with a fresh id, then moves focus to its first field (after React has drawn it). */
export function addRow(add: (id: string) => void) {
  const id = newRowId();
  add(id);
  window.requestAnimationFrame(() => document.querySelector<HTMLElement>(`[data-row="${id}"] :is(input, select, textarea)`)?.focus());
}

export function TimelineEditor({ form, update, errors }: { form: EditorForm; update: Update; errors: FieldErrors }) {
  const sortByTime = () => update((f) => ({ ...f, timeline: [...f.timeline].sort((a, b) => (a.occurredAt || "9").localeCompare(b.occurredAt || "9")) }));
  return (
    <section id="timeline" className="space-y-3">
      <h3 className="text-base font-semibold text-slate-900">Timeline</h3>
      <p className="text-sm text-slate-600">
        Timestamped events in UTC, kept in time order: alarms, pages, decisions, deploys, rollbacks. A time alone (14:05) is read on the day of the entry before
        it.
      </p>
      <ol className="space-y-2">
        {form.timeline.map((entry, index) => (
          <li key={entry.id} data-row={entry.id} className="flex flex-wrap items-end gap-2">
            <RowField text="Time (UTC)" className="w-48">
              <DateTimeInput
                aria-label={`Timeline entry ${index + 1} time (UTC)`}
                value={entry.occurredAt}
                sameDayAs={referenceDay(entry.occurredAt, form.timeline[index - 1]?.occurredAt, form.startedAt)}
                onChange={(value) => update((f) => ({ ...f, timeline: f.timeline.map((row) => (row.id === entry.id ? { ...row, occurredAt: value } : row)) }))}
                onBlur={sortByTime}
              />
            </RowField>
            <RowField text="Description" className="min-w-64 flex-1">
              <input
                aria-label={`Timeline entry ${index + 1} description`}
                className={inputClasses}
                value={entry.description}
                maxLength={2000}
                onChange={(e) =>
                  update((f) => ({ ...f, timeline: f.timeline.map((row) => (row.id === entry.id ? { ...row, description: e.target.value } : row)) }))
                }
              />
            </RowField>
            <Button
              size="sm"
              variant="ghost"
              aria-label={`Remove timeline entry ${index + 1}`}
              onClick={() => update((f) => ({ ...f, timeline: f.timeline.filter((row) => row.id !== entry.id) }))}
            >
              Remove
            </Button>
            {errorsUnder(errors, `timeline.${index}`) ? (
              <p className="w-full text-sm text-red-700">{errorsUnder(errors, `timeline.${index}`)!.join(" ")}</p>
            ) : null}
          </li>
        ))}
      </ol>
      <Button
        size="sm"
        variant="secondary"
        onClick={() =>
          addRow((id) =>
            update((f) => ({ ...f, timeline: [...f.timeline, { id, occurredAt: f.timeline.at(-1)?.occurredAt || f.startedAt, description: "" }] })),
          )
        }
      >
        Add timeline entry
      </Button>
    </section>
  );
}

export function FactorsEditor({ form, update, errors, options }: { form: EditorForm; update: Update; errors: FieldErrors; options: EditorOptions }) {
  const setFactor = (id: string, change: Partial<EditorForm["factors"][number]>) =>
    update((f) => ({ ...f, factors: f.factors.map((factor) => (factor.id === id ? { ...factor, ...change } : factor)) }));
  return (
    <div className="space-y-3 rounded-md bg-slate-50 p-3 ring-1 ring-slate-200">
      <h3 className="text-sm font-semibold text-slate-800">Contributing factors</h3>
      {form.factors.length === 0 ? <p className="text-sm text-slate-600">Add each factor with its category; ask “why?” up to five times.</p> : null}
      {form.factors.map((factor, index) => {
        const whys = factor.fiveWhys.length < 5 && factor.fiveWhys.at(-1) !== "" ? [...factor.fiveWhys, ""] : factor.fiveWhys;
        const categories = options.categories.filter((category) => !category.retired || category.id === factor.categoryId);
        return (
          <fieldset key={factor.id} data-row={factor.id} className="space-y-2 rounded-md bg-white p-3 ring-1 ring-slate-200">
            <legend className="sr-only">Factor {index + 1}</legend>
            <div className="flex flex-wrap items-end gap-2">
              <RowField text="Category" className="w-56">
                <select
                  aria-label={`Factor ${index + 1} category`}
                  className={inputClasses}
                  value={factor.categoryId}
                  onChange={(e) => setFactor(factor.id, { categoryId: e.target.value })}
                >
                  <option value="">Choose a category…</option>
                  {categories.map((category) => (
                    <option key={category.id} value={category.id}>
                      {category.name}
                      {category.retired ? " (retired)" : ""}
                    </option>
                  ))}
                </select>
              </RowField>
              <RowField text="Description" className="min-w-64 flex-1">
                <input
                  aria-label={`Factor ${index + 1} description`}
                  className={inputClasses}
                  value={factor.description}
                  maxLength={2000}
                  onChange={(e) => setFactor(factor.id, { description: e.target.value })}
                />
              </RowField>
              <Button
                size="sm"
                variant="ghost"
                aria-label={`Remove factor ${index + 1}`}
                onClick={() => update((f) => ({ ...f, factors: f.factors.filter((row) => row.id !== factor.id) }))}
              >
                Remove
              </Button>
            </div>
            <ol className="space-y-1 pl-4">
              {whys.map((why, whyIndex) => (
                <li key={whyIndex}>
                  <label className="flex items-center gap-2">
                    <span className="w-14 shrink-0 text-xs font-medium text-slate-600">Why {whyIndex + 1}?</span>
                    <input
                      aria-label={`Factor ${index + 1} why ${whyIndex + 1}`}
                      className={inputClasses}
                      value={why}
                      maxLength={1000}
                      onChange={(e) => {
                        const next = [...whys];
                        next[whyIndex] = e.target.value;
                        while (next.length > 0 && next.at(-1) === "") next.pop();
                        setFactor(factor.id, { fiveWhys: next });
                      }}
                    />
                  </label>
                </li>
              ))}
            </ol>
            {errorsUnder(errors, `factors.${index}`) ? <p className="text-sm text-red-700">{errorsUnder(errors, `factors.${index}`)!.join(" ")}</p> : null}
          </fieldset>
        );
      })}
      <Button
        size="sm"
        variant="secondary"
        onClick={() => addRow((id) => update((f) => ({ ...f, factors: [...f.factors, { id, categoryId: "", description: "", fiveWhys: [] }] })))}
      >
        Add contributing factor
      </Button>
    </div>
  );
}

export function LinksEditor({ form, update, errors }: { form: EditorForm; update: Update; errors: FieldErrors }) {
  const setLink = (id: string, change: Partial<EditorForm["links"][number]>) =>
    update((f) => ({ ...f, links: f.links.map((link) => (link.id === id ? { ...link, ...change } : link)) }));
  return (
    <div className="space-y-2">
      <h3 className="text-sm font-semibold text-slate-800">Links</h3>
      {form.links.map((link, index) => (
        <div key={link.id} data-row={link.id} className="flex flex-wrap items-end gap-2">
          <RowField text="URL" className="min-w-64 flex-1">
            <input
              aria-label={`Link ${index + 1} URL`}
              placeholder="https://…"
              className={inputClasses}
              value={link.url}
              onChange={(e) => setLink(link.id, { url: e.target.value })}
            />
          </RowField>
          <RowField text="Label" className="w-56">
            <input
              aria-label={`Link ${index + 1} label`}
              placeholder="What it shows"
              className={inputClasses}
              value={link.label}
              onChange={(e) => setLink(link.id, { label: e.target.value })}
            />
          </RowField>
          <Button
            size="sm"
            variant="ghost"
            aria-label={`Remove link ${index + 1}`}
            onClick={() => update((f) => ({ ...f, links: f.links.filter((row) => row.id !== link.id) }))}
          >
            Remove
          </Button>
          {errorsUnder(errors, `links.${index}`) ? <p className="w-full text-sm text-red-700">{errorsUnder(errors, `links.${index}`)!.join(" ")}</p> : null}
        </div>
      ))}
      <Button size="sm" variant="secondary" onClick={() => addRow((id) => update((f) => ({ ...f, links: [...f.links, { id, url: "", label: "" }] })))}>
        Add link
      </Button>
    </div>
  );
}
