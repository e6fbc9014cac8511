export const PILOT_METRIC_LABELS = { MTTR: "MTTR (time to resolve)", TIME_TO_DETECT: "Time to detect", TIME_TO_MITIGATE: "Time to mitigate" } as const;
export const PILOT_MEASURE = { MTTR: "ttr", TIME_TO_DETECT: "ttd", TIME_TO_MITIGATE: "ttm" } as const;
