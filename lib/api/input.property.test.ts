import { OpenAPIRegistry, type RouteConfig } from "@asteasolutions/zod-to-openapi";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { z } from "zod";

import { errorResponse, parseRequestInput } from "@/lib/api/handler";
import { readCursor } from "@/lib/api/pagination";
import { registerSharedComponents } from "@/lib/api/openapi-components";
import { registerActionPaths } from "@/lib/actions/openapi";
import { registerAuditPaths } from "@/lib/audit/openapi";
import { registerCoePaths } from "@/lib/coes/openapi";
import { registerCordPaths } from "@/lib/cords/openapi";
import { registerLearningPaths } from "@/lib/learnings/openapi";
import { registerMetricPaths } from "@/lib/metrics/openapi";
import { registerOrgPaths } from "@/lib/org/openapi";
import { registerPolicyPaths } from "@/lib/policies/openapi";
import { registerReviewPaths } from "@/lib/reviews/openapi";
import { registerUserPaths } from "@/lib/users/openapi";
import { registerVerificationPaths } from "@/lib/game-days/openapi";
import { actionFilterSchema } from "@/lib/actions/schemas";
import { actionItemCursorSchema } from "@/lib/actions/api-schemas";
import { auditCursorSchema } from "@/lib/audit/api-schemas";
import { coeCursorSchema } from "@/lib/coes/api-schemas";
import { coeListFilterSchema } from "@/lib/coes/schemas";
import { libraryFilterSchema } from "@/lib/learnings/schemas";
import { bestPracticeCursorSchema, lessonCursorSchema } from "@/lib/learnings/api-schemas";
import { metricsViewSchema } from "@/lib/metrics/schemas";
import { valueCursorSchema } from "@/lib/metrics/api-schemas";
import { findingCursorSchema } from "@/lib/policies/api-schemas";
import { parseIsoWeek } from "@/lib/reviews/iso-week";
import { userSearchSchema } from "@/lib/users/schemas";
import { gridQuerySchema } from "@/lib/verification/schemas";
import { deliveryLogFilterSchema } from "@/lib/webhooks/schemas";
import { MAX_YEAR, MIN_YEAR, calendarDaySchema, instantSchema, instantStringSchema, parseInstant } from "@/lib/validation/dates";
import { parseBigintId } from "@/lib/validation/numbers";
import { HOSTILE_CURSORS, HOSTILE_DATES, HOSTILE_NUMBERS, HOSTILE_TEXT, HOSTILE_WEEKS } from "@/scripts/fuzz/values";

/**
 * Property: whatever arrives, every API schema and every page filter parser either parses it or
 * refuses it as the caller's mistake (a 4xx) — never a throw that would be a 500 — and what it lets
 * through never carries a date PostgreSQL cannot store.
 */
const RUNS = Number(process.env.PROPERTY_RUNS) || 150;

const hostileString = fc.oneof(
  fc.constantFrom(...HOSTILE_DATES, ...HOSTILE_WEEKS, ...HOSTILE_NUMBERS, ...HOSTILE_CURSORS, ...HOSTILE_TEXT.map((text) => text.slice(0, 2000))),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.date({ noInvalidDate: false }).map((date) => (Number.isNaN(date.getTime()) ? "Invalid Date" : date.toISOString())),
);
// What JSON (a body, a decoded cursor) can carry: no Date objects, no undefined.
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: hostileString },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 1, arbitrary: fc.constantFrom(1e308, -1e308, 2 ** 63, -1, 0, 0.5, null, true, [], {}) },
);

/** The keys a schema reads, so that generated objects hit its fields rather than only unknown keys. */
function keysOf(schema: z.ZodType): string[] {
  let current: unknown = schema;
  for (let depth = 0; depth < 6 && current; depth++) {
    const candidate = current as { shape?: Record<string, unknown>; _zod?: { def?: { in?: unknown; innerType?: unknown; schema?: unknown } } };
    if (candidate.shape && typeof candidate.shape === "object") return Object.keys(candidate.shape);
    const def = candidate._zod?.def;
    current = def?.in ?? def?.innerType ?? def?.schema;
  }
  return [];
}

function objectFor(keys: string[]): fc.Arbitrary<Record<string, unknown>> {
  return fc.dictionary(keys.length > 0 ? fc.oneof(fc.constantFrom(...keys), fc.string({ maxLength: 5 })) : fc.string({ maxLength: 8 }), hostileValue, {
    maxKeys: Math.max(3, keys.length),
  });
}

/** Every Date a parse let through is one PostgreSQL can hold. */
function assertStorableDates(value: unknown, seen = new Set<unknown>()): void {
  if (value instanceof Date) {
    expect(Number.isNaN(value.getTime()), "an invalid Date got through").toBe(false);
    expect(value.getUTCFullYear()).toBeGreaterThanOrEqual(MIN_YEAR - 1);
    expect(value.getUTCFullYear()).toBeLessThanOrEqual(MAX_YEAR + 1);
    return;
  }
  if (value === null || typeof value !== "object" || seen.has(value)) return;
  seen.add(value);
  for (const entry of Object.values(value)) assertStorableDates(entry, seen);
}

/** The API's door: a parse, or a thrown error that errorResponse answers with a 4xx. */
function assertParsesOrRefuses(schema: z.ZodType, input: unknown, where: string): void {
  let output: unknown;
  try {
    output = parseRequestInput(schema, input, where);
  } catch (error) {
    const response = errorResponse(error, new Request("http://localhost/api/v1/property"), undefined);
    expect(response.status, `refused with a 4xx, not: ${String(error)}`).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
    return;
  }
  assertStorableDates(output);
}

type RequestSchemas = { name: string; where: string; schema: z.ZodType }[];

function apiRequestSchemas(): RequestSchemas {
  const registry = new OpenAPIRegistry();
  registerSharedComponents(registry);
  for (const register of [
    registerUserPaths,
    registerOrgPaths,
    registerAuditPaths,
    registerCoePaths,
    registerMetricPaths,
    registerActionPaths,
    registerReviewPaths,
    registerCordPaths,
    registerLearningPaths,
    registerPolicyPaths,
    registerVerificationPaths,
  ]) {
    register(registry);
  }
  const schemas: RequestSchemas = [];
  for (const definition of registry.definitions) {
    if (definition.type !== "route") continue;
    const route: RouteConfig = definition.route;
    const name = `${route.method.toUpperCase()} ${route.path}`;
    if (route.request?.query) schemas.push({ name, where: "query", schema: route.request.query as z.ZodType });
    if (route.request?.params) schemas.push({ name, where: "path", schema: route.request.params as z.ZodType });
    const body = (route.request?.body?.content["application/json"] as { schema?: unknown } | undefined)?.schema;
    if (body) schemas.push({ name, where: "body", schema: body as z.ZodType });
  }
  return schemas;
}

describe("every /api/v1 request schema parses or refuses arbitrary input", () => {
  const schemas = apiRequestSchemas();
  it("finds the API's schemas in the OpenAPI registry", () => {
    expect(schemas.length).toBeGreaterThan(40);
  });
  for (const { name, where, schema } of schemas) {
    it(`${name} ${where}`, () => {
      fc.assert(
        fc.property(fc.oneof(objectFor(keysOf(schema)), hostileValue), (input) => assertParsesOrRefuses(schema, input, where)),
        { numRuns: RUNS },
      );
    });
  }
});

const searchParams = (keys: string[]) =>
  fc.dictionary(fc.oneof(fc.constantFrom(...keys), fc.string({ maxLength: 6 })), fc.oneof(hostileString, fc.array(hostileString, { maxLength: 3 })), {
    maxKeys: keys.length + 1,
  });

describe("page filter parsers never throw on any query string", () => {
  // Pages that `.parse` rely on each field's `.catch`: a bad filter is ignored, never a 500.
  const parsingPages = { metricsViewSchema, libraryFilterSchema, deliveryLogFilterSchema, coeListFilterSchema };
  for (const [name, schema] of Object.entries(parsingPages)) {
    it(`${name}.parse ignores what it cannot read`, () => {
      fc.assert(
        fc.property(searchParams(keysOf(schema)), (query) => {
          assertStorableDates(schema.parse(query));
        }),
        { numRuns: RUNS },
      );
    });
  }
  // Pages that `.safeParse` show the unfiltered list (or a message) when it fails.
  const safePages = { actionFilterSchema, gridQuerySchema, userSearchSchema };
  for (const [name, schema] of Object.entries(safePages)) {
    it(`${name}.safeParse parses or refuses`, () => {
      fc.assert(
        fc.property(searchParams(keysOf(schema)), (query) => {
          const result = schema.safeParse(query);
          if (result.success) assertStorableDates(result.data);
        }),
        { numRuns: RUNS },
      );
    });
  }
  it("ISO weeks, bigint ids and instants parse or give null", () => {
    fc.assert(
      fc.property(hostileValue, (value) => {
        // JSON, not String(): a JSON object may carry its own "toString" key, which String() cannot call.
        const text = typeof value === "string" ? value : JSON.stringify(value);
        const week = parseIsoWeek(text);
        if (week) expect(week.year).toBeLessThanOrEqual(MAX_YEAR);
        const id = parseBigintId(value);
        if (id !== null) expect(id).toBeLessThanOrEqual(9_223_372_036_854_775_807n);
        assertStorableDates(parseInstant(value));
      }),
      { numRuns: RUNS * 4 },
    );
  });
});

describe("cursors parse or are refused with a 400", () => {
  const cursors = {
    actionItemCursorSchema,
    auditCursorSchema,
    coeCursorSchema,
    bestPracticeCursorSchema,
    lessonCursorSchema,
    valueCursorSchema,
    findingCursorSchema,
  };
  for (const [name, shape] of Object.entries(cursors)) {
    it(name, () => {
      const envelope = fc.oneof(
        fc.constantFrom(...HOSTILE_CURSORS),
        fc.array(hostileValue, { maxLength: 3 }).map((values) => Buffer.from(JSON.stringify(values) ?? "null").toString("base64url")),
        fc.string({ unit: "binary", maxLength: 40 }),
      );
      fc.assert(
        fc.property(envelope, (cursor) => {
          try {
            assertStorableDates(readCursor(cursor, shape));
            // Every cursor's first value orders the list: a time (string or epoch ms) that PostgreSQL can store, or an id.
            const [first] = readCursor(cursor, shape) ?? [];
            if (typeof first === "string" && /^\d{4}-/.test(first)) expect(parseInstant(first)).not.toBeNull();
            if (typeof first === "number") expect(parseInstant(new Date(first))).not.toBeNull();
          } catch (error) {
            expect(errorResponse(error, new Request("http://localhost/api/v1/property"), undefined).status).toBe(400);
          }
        }),
        { numRuns: RUNS },
      );
    });
  }
});

describe("the shared date schemas", () => {
  it.each(["0000-01-01", "2026-02-30", "2025-02-29", "+275760-09-13", "10000-01-01", "1899-12-31", "3000-01-01"])("refuse the day %s", (day) => {
    expect(calendarDaySchema().safeParse(day).success).toBe(false);
  });
  it.each(["2024-02-29", "1900-01-01", "2999-12-31", "2026-11-02"])("accept the day %s", (day) => {
    expect(calendarDaySchema().safeParse(day).success).toBe(true);
  });
  it.each(["0000-01-01T00:00:00Z", "+275760-09-13T00:00:00.000Z", "-271821-04-20T00:00:00Z", "2026-02-30T00:00:00Z", "2026-01-01T24:00:00Z", "-1", "1e20", ""])(
    "refuse the instant %s",
    (value) => {
      expect(instantStringSchema().safeParse(value).success).toBe(false);
      expect(instantSchema().safeParse(value).success).toBe(false);
    },
  );
  it("accepts an instant with an offset, and a datetime-local value in the form", () => {
    expect(instantStringSchema().parse("2026-11-02T10:00:00+02:00")).toBe("2026-11-02T10:00:00+02:00");
    expect(instantSchema().parse("2026-11-02T10:00:00Z").toISOString()).toBe("2026-11-02T10:00:00.000Z");
    expect(instantSchema().safeParse("2026-11-02T10:00").success).toBe(true);
    expect(instantSchema().safeParse(new Date("0000-01-01T00:00:00Z")).success).toBe(false);
  });
  it("refuses ISO weeks of unsupported years and weeks that do not exist", () => {
    expect(parseIsoWeek("9999-W52")).toBeNull();
    expect(parseIsoWeek("2027-W53")).toBeNull();
    expect(parseIsoWeek("2026-W00")).toBeNull();
    expect(parseIsoWeek("2020-W53")).toEqual({ year: 2020, week: 53 });
  });
  it("refuses bigint ids PostgreSQL cannot hold", () => {
    expect(parseBigintId("9223372036854775807")).toBe(9_223_372_036_854_775_807n);
    expect(parseBigintId("9223372036854775808")).toBeNull();
    expect(parseBigintId("9999999999999999999")).toBeNull();
    expect(parseBigintId("0")).toBeNull();
  });
});

describe("lone surrogates are refused at the door", () => {
  it("in a body, naming the field", () => {
    const schema = calendarDaySchema();
    expect(() => parseRequestInput(schema, "x\ud800", "body")).toThrow(/invalid fields/);
    const response = (() => {
      try {
        parseRequestInput(schema, { title: "a\udc00" }, "body");
      } catch (error) {
        return errorResponse(error, new Request("http://localhost/api/v1/property"), undefined);
      }
      throw new Error("not refused");
    })();
    expect(response.status).toBe(400);
  });
});
