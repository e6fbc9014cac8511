"use client";

import { useRouter } from "next/navigation";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { runAction } from "@/components/ui/run-action";
import { deleteRuleAction } from "@/lib/policies/actions";

/** Deletes a rule with its findings, after saying what goes with it and what to do instead. */
export function DeleteRuleButton({ ruleId, ruleName, version, findings }: { ruleId: string; ruleName: string; version: number; findings: number }) {
  const router = useRouter();
  return (
    <ConfirmButton
      label="Delete rule"
      title={`Delete “${ruleName}”?`}
      description={
        <>
          {findings === 0 ? "It has no findings." : `Its ${findings} finding${findings === 1 ? "" : "s"} (with their history and acknowledgments) go with it.`}{" "}
          Corrective actions made from them stay. To stop checking but keep the history, disable the rule instead.
        </>
      }
      confirmLabel="Delete rule and findings"
      onConfirm={async () => {
        const result = await runAction(() => deleteRuleAction({ ruleId, version }));
        if (!result.ok) return result.error;
        router.push("/policies/rules");
        return null;
      }}
    />
  );
}
