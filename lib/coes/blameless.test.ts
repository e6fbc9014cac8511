import { describe, expect, it } from "vitest";
import { blamelessHints } from "@/lib/coes/blameless";

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
  ];
  it.each(cases)("%s", (_name, text, kinds) => {
    expect(blamelessHints(text, NAMES).map((hint) => hint.kind)).toEqual(kinds);
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
