"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition, type FormEvent } from "react";
import { runAction } from "@/components/ui/run-action";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField, inputClasses } from "@/components/ui/form-field";
import { fieldErrorsFromIssues, type FieldErrors } from "@/lib/errors";
import { createFactorCategoryAction, setFactorCategoryRetiredAction } from "@/lib/coes/actions";
import { factorCategoryCreateSchema } from "@/lib/coes/schemas";

export function CategoryCreateForm() {
  const router = useRouter();
  const [name, setName] = useState("");
  const [description, setDescription] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const parsed = factorCategoryCreateSchema.safeParse({ name, description });
    if (!parsed.success) return setErrors(fieldErrorsFromIssues(parsed.error.issues));
    startTransition(async () => {
      const result = await runAction(() => createFactorCategoryAction({ name, description }));
      if (!result.ok) {
        setErrors(result.fieldErrors);
        setMessage(result.error);
        return;
      }
      setName("");
      setDescription("");
      setErrors({});
      setMessage(null);
      router.refresh();
    });
  }

  return (
    <form onSubmit={onSubmit} className="space-y-3" noValidate>
      {message ? <Alert tone="error">{message}</Alert> : null}
      <FormField label="Name" errors={errors.name}>
        <input className={inputClasses} value={name} onChange={(e) => setName(e.target.value)} maxLength={60} />
      </FormField>
      <FormField label="Description" hint="When to use it, in one sentence." errors={errors.description}>
        <input className={inputClasses} value={description} onChange={(e) => setDescription(e.target.value)} maxLength={300} />
      </FormField>
      <Button type="submit" pending={pending}>
        Add category
      </Button>
    </form>
  );
}

export function CategoryRetireButton({ categoryId, name, retired }: { categoryId: string; name: string; retired: boolean }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  return (
    <div className="inline-flex flex-col items-end gap-1">
      <Button
        size="sm"
        variant="secondary"
        pending={pending}
        aria-label={`${retired ? "Restore" : "Retire"} ${name}`}
        onClick={() =>
          startTransition(async () => {
            const result = await runAction(() => setFactorCategoryRetiredAction({ categoryId, retired: !retired }));
            if (!result.ok) return setError(result.error);
            setError(null);
            router.refresh();
          })
        }
      >
        {retired ? "Restore" : "Retire"}
      </Button>
      {error ? <span className="text-xs text-red-700">{error}</span> : null}
    </div>
  );
}
