import { CoeSeverity, CoeStatus } from "@/lib/generated/prisma/enums";

/**
 * The words of a COE: the six questions with their exact text and guidance, and the labels of
 * the COE's own enums (the corrective action's are in lib/actions/labels.ts). Shared by the editor, the read view, the export and the API docs.
 */
export const ANSWER_FIELDS = ["whatHappened", "customerImpact", "contributingFactors", "supportingData", "lessonsLearned", "correctiveActionsSummary"] as const;
export type AnswerField = (typeof ANSWER_FIELDS)[number];

export type Question = { field: AnswerField; number: number; question: string; guidance: string };

export const QUESTIONS: readonly Question[] = [
  {
    field: "whatHappened",
    number: 1,
    question: "What happened?",
    guidance: "Tell the story in order: what customers saw, how the team found out, what it tried and what ended the incident. Facts, not blame.",
  },
  {
    field: "customerImpact",
    number: 2,
    question: "What was the impact on customers and your business?",
    guidance: "How many customers were affected, for how long, and what it cost: failed orders, revenue, support contacts, SLA credits.",
  },
  {
    field: "contributingFactors",
    number: 3,
    question: "What were the contributing factors?",
    guidance:
      "Every condition that caused the incident or made it worse. Ask why until you reach something a mechanism can fix; list each factor below with its category.",
  },
  {
    field: "supportingData",
    number: 4,
    question: "What data do you have to support this?",
    guidance: "Graphs, logs, metrics and queries that show the impact and the causes. Link dashboards and attach images of the key graphs.",
  },
  {
    field: "lessonsLearned",
    number: 5,
    question: "What lessons did you learn?",
    guidance: "What would you tell another team so it never happens to them? Lessons that apply beyond this service are the most valuable.",
  },
  {
    field: "correctiveActionsSummary",
    number: 6,
    question: "What corrective actions are you taking?",
    guidance: "Mechanisms, not good intentions: each action has an owner and a due date, and says whether it prevents, detects or mitigates a recurrence.",
  },
];

/** Section keys review threads attach to: the six answers plus the structured parts. */
export const SECTION_KEYS = ["header", ...ANSWER_FIELDS, "timeline", "factors", "actions"] as const;
export type SectionKey = (typeof SECTION_KEYS)[number];

export function sectionLabel(section: string): string {
  if (section === "header") return "Summary and timestamps";
  if (section === "timeline") return "Timeline";
  if (section === "factors") return "Contributing factors (list)";
  if (section === "actions") return "Corrective actions (list)";
  const question = QUESTIONS.find((q) => q.field === section);
  return question ? `${question.number}. ${question.question}` : section;
}

export const SEVERITIES = Object.values(CoeSeverity);

export const SEVERITY_MEANINGS: Record<CoeSeverity, string> = {
  SEV1: "Critical: a core customer function is down or data is at risk for many customers.",
  SEV2: "Major: a core function is degraded, or down for a subset of customers.",
  SEV3: "Minor: a non-core function is impaired; a workaround exists.",
  SEV4: "Low: little or no customer impact; a near miss worth learning from.",
};

export const COE_STATUSES = Object.values(CoeStatus);

export const STATUS_LABELS: Record<CoeStatus, string> = {
  DRAFT: "Draft",
  IN_REVIEW: "In review",
  APPROVED: "Approved",
  CLOSED: "Closed",
};

/** The default contributing-factor taxonomy every organization starts with. */
export const DEFAULT_FACTOR_CATEGORIES = [
  { name: "DNS", description: "Name resolution: records, TTLs, resolvers, registrar." },
  { name: "Configuration drift", description: "Environments or hosts that no longer match their intended configuration." },
  { name: "Certificate expiry", description: "An expired or mis-rotated TLS certificate or key." },
  { name: "Deployment failure", description: "A bad deploy, rollout or rollback." },
  { name: "Third-party dependency", description: "A vendor, SaaS or upstream provider failed or changed." },
  { name: "Capacity", description: "Load beyond what the system was scaled or throttled for." },
  { name: "Code defect", description: "A bug in our code." },
  { name: "Process", description: "A missing or unfollowed runbook, review or procedure." },
  { name: "Other", description: "Anything that fits no other category." },
] as const;
