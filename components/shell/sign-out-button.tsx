"use client";

import { signOut } from "next-auth/react";
import { useState } from "react";
import { cn } from "@/components/ui/cn";

export function SignOutButton({ className }: { className?: string }) {
  const [pending, setPending] = useState(false);
  return (
    <button
      type="button"
      className={cn("text-sm font-medium", className)}
      disabled={pending}
      onClick={() => {
        setPending(true);
        void signOut({ callbackUrl: "/login" });
      }}
    >
      {pending ? "Signing out…" : "Sign out"}
    </button>
  );
}
