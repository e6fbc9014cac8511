/** Queue names, importable outside the server bundle (the benchmark waits on the reminder queue). */
export const REMINDER_QUEUE = "action-reminders";
