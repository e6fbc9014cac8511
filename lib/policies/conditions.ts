import { Engine, type RuleProperties, type TopLevelCondition } from "json-rules-engine";
import { z } from "zod";

/**
 * Rule conditions in json-rules-engine's format (the one Backstage Tech Insights uses):
 * `{all|any: [{fact, operator, value} | nested group]}`. They describe the failing state: a service
 * for which they hold gets a finding. Evaluated by the json-rules-engine package, never `eval`.
 */

const DAY_MS = 86_400_000;

/** Operators the editor offers: the package's own plus date and presence checks of ours. */
export const OPERATORS = {
  equal: { label: "is", types: ["number", "boolean", "string", "datetime"] },
  notEqual: { label: "is not", types: ["number", "boolean", "string", "datetime"] },
  lessThan: { label: "<", types: ["number"] },
  lessThanInclusive: { label: "≤", types: ["number"] },
  greaterThan: { label: ">", types: ["number"] },
  greaterThanInclusive: { label: "≥", types: ["number"] },
  in: { label: "is one of", types: ["string", "number"] },
  notIn: { label: "is none of", types: ["string", "number"] },
  daysUntilLessThan: { label: "is less than N days away (or past)", types: ["datetime"] },
  daysSinceGreaterThan: { label: "is more than N days ago", types: ["datetime"] },
  missing: { label: "is not known", types: ["number", "boolean", "string", "datetime"] },
  present: { label: "is known", types: ["number", "boolean", "string", "datetime"] },
} as const;
export type OperatorName = keyof typeof OPERATORS;
export const OPERATOR_NAMES = Object.keys(OPERATORS) as [OperatorName, ...OperatorName[]];

export const FACT_KEY_PATTERN = /^[A-Za-z][A-Za-z0-9_-]*(\.[A-Za-z0-9_-]+)*$/;

export type ConditionLeaf = { fact: string; operator: OperatorName; value: string | number | boolean | (string | number)[] | null };
export type ConditionGroup = { all: ConditionNode[] } | { any: ConditionNode[] };
export type ConditionNode = ConditionLeaf | ConditionGroup;

const leafSchema = z
  .object({
    fact: z.string().trim().min(1, "Choose a fact.").max(120).regex(FACT_KEY_PATTERN, "A fact key is dotted words, e.g. tls.expiresAt."),
    operator: z.enum(OPERATOR_NAMES, { error: `Choose an operator: ${OPERATOR_NAMES.join(", ")}.` }),
    value: z.union([z.string().max(500), z.number(), z.boolean(), z.array(z.union([z.string().max(200), z.number()])).max(100), z.null()]).optional(),
  })
  .strict()
  .superRefine((leaf, context) => {
    const needsNumber = ["lessThan", "lessThanInclusive", "greaterThan", "greaterThanInclusive", "daysUntilLessThan", "daysSinceGreaterThan"];
    if (needsNumber.includes(leaf.operator) && typeof leaf.value !== "number") {
      context.addIssue({ code: "custom", path: ["value"], message: "This operator compares with a number: enter a number." });
    }
    if ((leaf.operator === "in" || leaf.operator === "notIn") && !Array.isArray(leaf.value)) {
      context.addIssue({ code: "custom", path: ["value"], message: "This operator needs a list of values." });
    }
    if ((leaf.operator === "equal" || leaf.operator === "notEqual") && (leaf.value === undefined || Array.isArray(leaf.value))) {
      context.addIssue({ code: "custom", path: ["value"], message: "Enter the value to compare with." });
    }
  })
  .transform((leaf): ConditionLeaf => ({ ...leaf, value: leaf.value ?? null }));

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Picks the schema by shape (a leaf has `fact`, a group `all` or `any`) instead of a plain union, so
 * an error names the bad part (`conditions.all.0.operator`) rather than "matches no option".
 */
function byShape(allowLeaf: boolean) {
  return z.unknown().transform((value, context): ConditionNode => {
    const schema =
      isRecord(value) && "fact" in value && allowLeaf
        ? leafSchema
        : isRecord(value) && "any" in value
          ? anyGroupSchema
          : isRecord(value) && "all" in value
            ? allGroupSchema
            : null;
    if (!schema) {
      context.addIssue({
        code: "custom",
        message: allowLeaf
          ? "Each condition is {fact, operator, value} or a group {all: […]} / {any: […]}."
          : 'Conditions start with a group: {"all": […]} or {"any": […]}.',
      });
      return z.NEVER;
    }
    const parsed = schema.safeParse(value);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) context.addIssue({ code: "custom", message: issue.message, path: issue.path });
      return z.NEVER;
    }
    return parsed.data as ConditionNode;
  });
}

const conditionNodeSchema: z.ZodType<ConditionNode, unknown> = z.lazy(() => byShape(true));
const groupList = z.array(conditionNodeSchema).min(1, "A group needs at least one condition.").max(50);
const allGroupSchema = z.object({ all: groupList }).strict();
const anyGroupSchema = z.object({ any: groupList }).strict();

/** The top level is always a group. */
export const conditionsSchema = byShape(false) as unknown as z.ZodType<ConditionGroup, unknown>;
export type Conditions = z.output<typeof conditionsSchema>;

function asDate(value: unknown): Date | null {
  if (value instanceof Date) return value;
  if (typeof value !== "string" && typeof value !== "number") return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** Adds Andon's operators to an engine; `now` is fixed per evaluation so every service sees the same clock. */
function addOperators(engine: Engine, now: number): void {
  engine.addOperator("daysUntilLessThan", (factValue: unknown, days: number) => {
    const date = asDate(factValue);
    return date !== null && (date.getTime() - now) / DAY_MS < days;
  });
  engine.addOperator("daysSinceGreaterThan", (factValue: unknown, days: number) => {
    const date = asDate(factValue);
    return date !== null && (now - date.getTime()) / DAY_MS > days;
  });
  engine.addOperator("missing", (factValue: unknown) => factValue === null || factValue === undefined || factValue === "");
  engine.addOperator("present", (factValue: unknown) => !(factValue === null || factValue === undefined || factValue === ""));
}

/** Every fact key a condition tree reads (for the "fact values seen" of a finding). */
export function conditionFacts(node: ConditionNode, into: Set<string> = new Set()): Set<string> {
  if ("fact" in node) into.add(node.fact);
  else for (const child of "all" in node ? node.all : node.any) conditionFacts(child, into);
  return into;
}

/** json-rules-engine's shape: operators and nulls as it expects them. */
function toEngineCondition(node: ConditionNode): TopLevelCondition | { fact: string; operator: string; value: unknown } {
  if ("fact" in node) return { fact: node.fact, operator: node.operator, value: node.value ?? null };
  if ("all" in node) return { all: node.all.map(toEngineCondition) } as TopLevelCondition;
  return { any: node.any.map(toEngineCondition) } as TopLevelCondition;
}

export type FactMap = Record<string, number | boolean | string | null>;

/** What json-rules-engine's operator map hands out: `evaluate` runs the fact-value validator, then the comparison. */
type EngineOperator = { evaluate(factValue: unknown, compareTo: unknown): boolean };
type OperatorLookup = { get(name: string): EngineOperator | undefined };

/**
 * The operators of an engine with Andon's added: the package's own `equal`, `lessThan`, `in` …
 * (with their fact-value validators) and ours, exactly as `engine.run` would apply them.
 */
function engineOperators(engine: Engine): OperatorLookup {
  const operators = (engine as unknown as { operators?: Partial<OperatorLookup> }).operators;
  if (typeof operators?.get !== "function") throw new Error("json-rules-engine no longer exposes its operator map: check RuleSet against the upgrade.");
  return operators as OperatorLookup;
}

type Predicate = (facts: FactMap) => boolean;

/**
 * A condition tree as one synchronous predicate over a service's facts. It applies
 * json-rules-engine's operators the way `Engine.run` does (an unknown fact reads as undefined,
 * `all` needs every child, `any` one), without the engine's per-run almanac and promise chain per
 * condition — which made a full pass of 118 rules × 1,000 services take seconds of CPU.
 * conditions.test.ts checks it against `Engine.run` on the library and on generated facts.
 */
function compile(node: ConditionNode, operators: OperatorLookup): Predicate {
  if ("fact" in node) {
    const operator = operators.get(node.operator);
    if (!operator) throw new Error(`Unknown operator: ${node.operator}`);
    const { fact } = node;
    const value = node.value ?? null;
    return (facts) => operator.evaluate(facts[fact] ?? undefined, value);
  }
  const children = ("all" in node ? node.all : node.any).map((child) => compile(child, operators));
  if ("all" in node) return (facts) => children.every((child) => child(facts));
  return (facts) => children.some((child) => child(facts));
}

/**
 * A compiled set of rules, run once per service with that service's facts. Unknown facts read as
 * undefined (a rule on a fact a service lacks does not throw). `now` is fixed for the set so every
 * service sees the same clock.
 */
export class RuleSet {
  private readonly compiled: { id: string; failsWhen: Predicate }[];

  constructor(rules: { id: string; conditions: Conditions }[], now: Date = new Date()) {
    const engine = new Engine([], { allowUndefinedFacts: true });
    addOperators(engine, now.getTime());
    const operators = engineOperators(engine);
    this.compiled = rules.map((rule) => ({ id: rule.id, failsWhen: compile(rule.conditions, operators) }));
  }

  /** The ids of the rules whose (failing-state) conditions hold for these facts. */
  failing(facts: FactMap): Set<string> {
    const failed = new Set<string>();
    for (const rule of this.compiled) if (rule.failsWhen(facts)) failed.add(rule.id);
    return failed;
  }
}

/**
 * The same question answered by json-rules-engine's own `Engine.run` (one engine holding every rule,
 * the service's facts as runtime facts). Slow; the reference RuleSet is checked against.
 */
export async function failingByEngine(rules: { id: string; conditions: Conditions }[], facts: FactMap, now: Date = new Date()): Promise<Set<string>> {
  const engine = new Engine([], { allowUndefinedFacts: true });
  addOperators(engine, now.getTime());
  for (const rule of rules) {
    const properties: RuleProperties = { name: rule.id, conditions: toEngineCondition(rule.conditions) as TopLevelCondition, event: { type: rule.id } };
    engine.addRule(properties);
  }
  const runtime: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(facts)) if (value !== null) runtime[key] = value;
  const result = await engine.run(runtime);
  return new Set(result.events.map((event) => event.type));
}
