import { describe, expect, it } from "vitest";
import { blamelessHints, firstNameOf, nameCandidates } from "@/lib/coes/blameless";

const NAMES = ["Maya Lindqvist", "Rui Tanaka", "Will Osei", "Al Brown"];

describe("blamelessHints", () => {
  const cases: [string, string, string[]][] = [
    ["blaming human error", "Root cause: human error during the deploy.", ["human-error"]],
    ["operator error", "It was an operator-error.", ["human-error"]],
    ["hindsight", "The on-call should have checked the dashboard.", ["should-have"]],
    ["hindsight, contracted", "We should've rolled back sooner.", ["should-have"]],
    ["careless", "A careless change to the config.", ["careless"]],
    ["carelessness", "Pure carelessness.", ["careless"]],
    ["negligence", "This was negligent.", ["careless"]],
    ["whose fault", "It was his fault.", ["blame"]],
    ["a colleague's full name", "Rui Tanaka pushed the change.", ["colleague-name"]],
    ["a colleague's first name", "Then Maya restarted the fleet.", ["colleague-name"]],
    ["a capitalised first name that is also a word", "Will approved it.", ["colleague-name"]],
    ["the same word in lower case is not a name", "The team will add an alarm.", []],
    ["a short first name is ignored", "Al restarted it.", []],
    ["a name inside another word is not a match", "Mayan calendars are hard.", []],
    ["a blameless answer", "The deploy tool allowed a config without validation; we add a schema check.", []],
    ["several problems", "Maya should have known; human error.", ["human-error", "should-have", "colleague-name"]],
    ["a first name in a possessive", "It was Maya's change.", ["colleague-name"]],
  ];
  it.each(cases)("%s", (_name, text, kinds) => {
    expect(blamelessHints(text, NAMES).map((hint) => hint.kind)).toEqual(kinds);
  });

  // The editor looks up only the people whose first name is among the text's candidate words: that
  // must give the same hints as holding every name.
  it.each(cases)("%s, with only the names looked up from the text's words", (_name, text, kinds) => {
    const candidates = new Set(nameCandidates(text));
    const lookedUp = NAMES.filter((name) => candidates.has(firstNameOf(name)));
    expect(blamelessHints(text, lookedUp).map((hint) => hint.kind)).toEqual(kinds);
  });

  it("suggests a role instead of the name it found", () => {
    const [hint] = blamelessHints("Rui restarted it", NAMES);
    expect(hint?.match).toBe("Rui");
    expect(hint?.suggestion).toContain("the on-call engineer");
  });

  it("gives each hint a better phrasing idea", () => {
    for (const hint of blamelessHints("human error, should have, careless, his fault", [])) expect(hint.suggestion.length).toBeGreaterThan(40);
  });
});

describe("nameCandidates", () => {
  it.each<[string, string, string[]]>([
    ["capitalised words, once each", "Maya paged Rui; Maya restarted it.", ["Maya", "Rui"]],
    ["lower-case words are not names", "the team will add an alarm", []],
    ["letters beyond ASCII, and the name inside a possessive", "Élodie’s and Øyvind's fix", ["Élodie’s", "Élodie", "Øyvind's", "Øyvind"]],
    ["a hyphenated name, whole and in parts", "Jean-Luc Picard", ["Jean-Luc", "Jean", "Luc", "Picard"]],
    ["not inside a word", "iPhone xRay", []],
    ["one-letter words count (initials)", "J Smith", ["J", "Smith"]],
  ])("%s", (_name, text, expected) => {
    expect(nameCandidates(text)).toEqual(expected);
  });
});
