import { QUESTIONS } from "@/lib/coes/questions";

/** What a COE needs before it can go to review. */
export type CompletenessInput = {
  startedAt: unknown;
  detectedAt: unknown;
  mitigatedAt: unknown;
  resolvedAt: unknown;
  factors: readonly { categoryId: string | null | undefined; description: string }[];
  actions: readonly { title: string; ownerId: string | null | undefined; dueDate: unknown }[];
} & Record<(typeof QUESTIONS)[number]["field"], string>;

export type MissingItem = { section: string; message: string };

const TIMESTAMPS = [
  ["startedAt", "when the incident started"],
  ["detectedAt", "when it was detected"],
  ["mitigatedAt", "when it was mitigated"],
  ["resolvedAt", "when it was resolved"],
] as const;

/** Everything still missing for review, in document order; empty when the COE is complete. */
export function missingForReview(coe: CompletenessInput): MissingItem[] {
  const missing: MissingItem[] = [];
  for (const [field, words] of TIMESTAMPS) {
    if (!coe[field]) missing.push({ section: "header", message: `Add ${words}.` });
  }
  for (const question of QUESTIONS) {
    if (coe[question.field].trim() === "") missing.push({ section: question.field, message: `Answer “${question.question}”` });
  }
  if (!coe.factors.some((factor) => factor.categoryId && factor.description.trim() !== "")) {
    missing.push({ section: "factors", message: "Add at least one contributing factor with a category." });
  }
  if (!coe.actions.some((action) => action.title.trim() !== "" && action.ownerId && action.dueDate)) {
    missing.push({ section: "actions", message: "Add at least one corrective action with an owner and a due date." });
  }
  return missing;
}
