import { CordEventKind, CordSeverity } from "@/lib/generated/prisma/enums";

/** Words for the cord's enums, shared by pages, forms and the API (no server code here). */
export const CORD_SEVERITIES = Object.values(CordSeverity);

export const CORD_SEVERITY_LABELS: Record<CordSeverity, string> = {
  STOP_DEPLOYS: "Stop deploys only",
  CUSTOMER_DEFECT: "Customer-facing defect",
};

export const CORD_SEVERITY_HINTS: Record<CordSeverity, string> = {
  STOP_DEPLOYS: "Something is wrong enough that nobody should ship to this service until its team looks.",
  CUSTOMER_DEFECT: "Customers see the problem. Resolving the cord then requires a COE.",
};

/** The COE severity a "Start the COE" draft begins with; the authors adjust it. */
export const COE_SEVERITY_FOR_CORD: Record<CordSeverity, "SEV2" | "SEV3"> = { CUSTOMER_DEFECT: "SEV2", STOP_DEPLOYS: "SEV3" };

export const CORD_EVENT_KINDS = Object.values(CordEventKind);

export const CORD_EVENT_LABELS: Record<CordEventKind, string> = {
  PULLED: "Pulled the cord",
  PLUS_ONE: "+1",
  NOTE: "Note",
  DEPLOY_BLOCKED: "Deploy blocked",
  OVERRIDE_GRANTED: "Override granted",
  OVERRIDE_USED: "Deploy passed on the override",
  RESOLVED: "Resolved",
  COE_STARTED: "COE started",
};

/** A break-glass override lets one deploy through, within this long of being granted. */
export const OVERRIDE_LIFETIME_MS = 60 * 60 * 1000;
