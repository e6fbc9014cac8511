export const PILOT_MEASURE = { MTTR: "ttr", TIME_TO_DETECT: "ttd", TIME_TO_MITIGATE: "ttm" } as const;
