/**
 * Blameless-writing hints: non-blocking suggestions when an answer blames a person. A COE asks
 * what let a mistake happen, never who made it.
 */
export type BlamelessHint = { kind: string; match: string; suggestion: string };

const PHRASES: { kind: string; pattern: RegExp; suggestion: string }[] = [
  {
    kind: "human-error",
    pattern: /\b(human|operator|user|engineer)[ -]error\b/i,
    suggestion:
      "“Human error” is where the analysis starts, not where it ends. Name what made the mistake easy: a missing check, an unclear runbook, a risky default.",
  },
  {
    kind: "should-have",
    pattern: /\bshould(?: have|'ve| not have|n't have)\b/i,
    suggestion: "“Should have” judges with hindsight. Describe what the person knew at the time, and what would have made the safe action the easy one.",
  },
  {
    kind: "careless",
    pattern: /\b(careless(?:ly|ness)?|negligen(?:t|ce)|sloppy|lazy|incompeten(?:t|ce))\b/i,
    suggestion: "Judging someone's care does not prevent a recurrence. Describe the conditions (time pressure, missing guardrails, alerts) instead.",
  },
  {
    kind: "blame",
    pattern: /\b(?:his|her|their) (?:fault|mistake)\b|\bfault of\b|\bto blame\b/i,
    suggestion: "Talk about the system's gaps rather than a person's fault: which mechanism could have caught it?",
  },
];

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** At most this many words are looked up at a time; a long answer is checked over several lookups. */
export const NAME_CANDIDATES_MAX = 100;

/**
 * The words of a text that could begin a colleague's name, for looking the names up instead of
 * holding the whole organization in the page: distinct words starting with a capital letter (and
 * their parts around apostrophes and hyphens), as names are matched case-sensitively ("Will" is a
 * name, "will" is not).
 */
export function nameCandidates(text: string): string[] {
  const words = text.match(/(?<![\p{L}\p{N}])\p{Lu}[\p{L}\p{M}'’-]*/gu) ?? [];
  // A name is found inside "Maya's" or "Jean-Luc" too, so the parts count as well as the whole word.
  return [...new Set(words.flatMap((word) => [word, ...word.split(/['’-]+/u)]).filter((word) => /^\p{Lu}/u.test(word)))];
}

/** The first word of a name: what nameCandidates must have found for the name to appear in a text. */
export function firstNameOf(fullName: string): string {
  return fullName.trim().split(/\s+/)[0] ?? "";
}

/**
 * Hints for one answer. `colleagueNames` are the organization's user names; a full name or a first
 * name (capitalised, at least three letters) in the text suggests naming a role instead.
 */
export function blamelessHints(text: string, colleagueNames: readonly string[]): BlamelessHint[] {
  const hints: BlamelessHint[] = [];
  for (const phrase of PHRASES) {
    const match = phrase.pattern.exec(text);
    if (match) hints.push({ kind: phrase.kind, match: match[0], suggestion: phrase.suggestion });
  }
  const seen = new Set<string>();
  for (const fullName of colleagueNames) {
    const candidates = [fullName.trim(), firstNameOf(fullName)].filter((name) => name.length >= 3);
    for (const name of candidates) {
      if (seen.has(name)) continue;
      // Case-sensitive on purpose: "Will" is a name, "will" is not.
      const match = new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(name)}(?![\\p{L}\\p{N}])`, "u").exec(text);
      if (match) {
        seen.add(name);
        hints.push({
          kind: "colleague-name",
          match: match[0],
          suggestion: `Refer to roles, not people: “the on-call engineer” or “the deployer” instead of “${match[0]}”.`,
        });
        break;
      }
    }
  }
  return hints;
}
