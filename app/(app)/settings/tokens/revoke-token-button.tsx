"use client";

import { useRouter } from "next/navigation";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { confirmAction } from "@/components/ui/run-action";
import { revokeTokenAction } from "@/lib/tokens/actions";

export function RevokeTokenButton({ tokenId, name }: { tokenId: string; name: string }) {
  const router = useRouter();
  return (
    <ConfirmButton
      label="Revoke"
      title={`Revoke the token “${name}”?`}
      description="Anything still using this token will get 401 Unauthorized from now on. This cannot be undone; create a new token if you need one again."
      confirmLabel="Revoke token"
      onConfirm={() =>
        confirmAction(
          () => revokeTokenAction({ tokenId }),
          () => router.refresh(),
        )
      }
    />
  );
}
