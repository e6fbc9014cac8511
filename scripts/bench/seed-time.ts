export const DAY = 86_400_000;

/** timestamp(3) columns hold UTC wall time: an ISO string cast to timestamp keeps it whatever the session's zone. */
export const utc = (date: Date) => date.toISOString();
