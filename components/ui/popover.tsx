"use client";

import { usePathname } from "next/navigation";
import { useCallback, useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from "react";

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

type PopoverProps = {
  /** What the trigger button shows. */
  trigger: ReactNode;
  /** The trigger's accessible name when its content is an icon or a count. */
  triggerLabel?: string;
  triggerClassName?: string;
  panelClassName?: string;
  /** The wrapper: "relative" to place the panel against the trigger, nothing to place it against an outer box. */
  className?: string;
  /**
   * Modal popovers (the phone menu) keep Tab inside the trigger and the panel until closed.
   * Others close when focus moves elsewhere, so they never sit over what the user went on to.
   */
  trapFocus?: boolean;
  /** Names the panel (a dialog) for assistive technology. */
  panelLabel: string;
  onOpenChange?: (open: boolean) => void;
  /**
   * Leave the panel out of the page until it is first opened (then it stays mounted like any
   * other): for panels on every page, so each page load does not carry their markup.
   */
  mountOnOpen?: boolean;
  children: ReactNode;
};

/**
 * The one popover of the app (bell, menus, "Pull the cord"): a button that opens a panel, closed by
 * the button again, Escape, a click outside, focus leaving it, following a link inside it and any
 * route change. Escape and the panel's own links hand focus back to the trigger. The panel stays
 * mounted while closed (once opened, with mountOnOpen), so a half-typed form inside it survives closing.
 */
export function Popover({
  trigger,
  triggerLabel,
  triggerClassName,
  panelClassName,
  className,
  trapFocus = false,
  panelLabel,
  onOpenChange,
  mountOnOpen = false,
  children,
}: PopoverProps) {
  const pathname = usePathname();
  // Open on the path it was opened on: navigating anywhere closes it without an effect.
  const [openOn, setOpenOn] = useState<string | null>(null);
  const open = openOn === pathname;
  const [opened, setOpened] = useState(!mountOnOpen);
  const rootRef = useRef<HTMLDivElement>(null);
  const triggerRef = useRef<HTMLButtonElement>(null);
  const panelId = useId();

  const setOpen = useCallback(
    (next: boolean, options: { restoreFocus?: boolean } = {}) => {
      setOpenOn(next ? pathname : null);
      if (next) setOpened(true);
      onOpenChange?.(next);
      if (!next && options.restoreFocus) triggerRef.current?.focus();
    },
    [pathname, onOpenChange],
  );

  useEffect(() => {
    if (!open) return;
    const onPointerDown = (event: PointerEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) setOpen(false);
    };
    // On the document, so Escape works wherever focus is (a click on the panel's text leaves it on <body>).
    // A combobox inside closes its own list first and says so with preventDefault.
    const onKeyDown = (event: globalThis.KeyboardEvent) => {
      if (event.key === "Escape" && !event.defaultPrevented) {
        event.preventDefault();
        setOpen(false, { restoreFocus: true });
      }
    };
    document.addEventListener("pointerdown", onPointerDown);
    document.addEventListener("keydown", onKeyDown);
    return () => {
      document.removeEventListener("pointerdown", onPointerDown);
      document.removeEventListener("keydown", onKeyDown);
    };
  }, [open, setOpen]);

  useEffect(() => {
    if (!open || !trapFocus) return;
    // A modal panel takes focus at once, on its first control.
    rootRef.current?.querySelector<HTMLElement>(`#${CSS.escape(panelId)} :is(${FOCUSABLE})`)?.focus();
  }, [open, trapFocus, panelId]);

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (open && event.key === "Tab" && trapFocus && rootRef.current) {
      const focusable = [...rootRef.current.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((element) => element.offsetParent !== null);
      const first = focusable[0];
      const last = focusable[focusable.length - 1];
      if (event.shiftKey && document.activeElement === first) {
        event.preventDefault();
        last?.focus();
      } else if (!event.shiftKey && document.activeElement === last) {
        event.preventDefault();
        first?.focus();
      }
    }
  }

  return (
    <div
      ref={rootRef}
      className={className}
      onKeyDown={onKeyDown}
      onBlur={(event) => {
        // Tabbing (or clicking) to something outside closes a non-modal popover; a click on nothing focusable is the pointerdown's.
        if (open && !trapFocus && event.relatedTarget && !rootRef.current?.contains(event.relatedTarget as Node)) setOpen(false);
      }}
    >
      <button
        ref={triggerRef}
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        aria-haspopup="dialog"
        aria-label={triggerLabel}
        className={triggerClassName}
        onClick={() => setOpen(!open)}
      >
        {trigger}
      </button>
      <div
        id={panelId}
        role="dialog"
        aria-label={panelLabel}
        aria-modal={trapFocus || undefined}
        hidden={!open}
        className={panelClassName}
        onClick={(event) => {
          // Following a link inside closes it even when the route stays the same (same page, other query).
          if ((event.target as Element).closest("a[href]")) setOpen(false);
        }}
      >
        {opened ? children : null}
      </div>
    </div>
  );
}
