"use client";

import { useRouter } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useActionForm } from "@/components/ui/use-action-form";
import { startGameDayAction } from "@/lib/game-days/actions";

export function StartButton({ gameDayId, version }: { gameDayId: string; version: number }) {
  const router = useRouter();
  const form = useActionForm();
  return (
    <>
      <Button
        pending={form.pending}
        onClick={() => form.submit({ input: { gameDayId, version }, action: startGameDayAction, onSuccess: () => router.push(`/game-days/${gameDayId}/run`) })}
      >
        Start the game day
      </Button>
      {form.error ? <Alert tone="error">{form.error}</Alert> : null}
    </>
  );
}
