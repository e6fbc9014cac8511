/** Queue names, importable outside the server bundle (the benchmark waits on their startup runs). */
export const REMINDER_QUEUE = "action-reminders";
export const POLICY_QUEUE = "policy-evaluation";
export const METRIC_SUMMARY_QUEUE = "metric-summary-repair";
