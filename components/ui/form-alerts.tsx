import { Alert } from "@/components/ui/alert";

/** A form's outcome above its fields: what went wrong, or what was saved. */
export function FormAlerts({ error, success }: { error?: React.ReactNode; success?: React.ReactNode }) {
  return (
    <>
      {error ? <Alert tone="error">{error}</Alert> : null}
      {success ? <Alert tone="success">{success}</Alert> : null}
    </>
  );
}
