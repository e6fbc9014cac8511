export const GENERIC_FAILURE = "Something went wrong on our side, and nothing was saved. Try again in a moment.";
