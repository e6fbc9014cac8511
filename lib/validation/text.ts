/**
 * Text from outside must be well-formed Unicode. JSON can carry a lone UTF-16 surrogate
 * (`"\ud800"`), which JavaScript holds happily but PostgreSQL refuses in jsonb (audit changes,
 * revisions, events) and UTF-8 cannot encode: such input is refused at the door with a 400 naming
 * the field, instead of failing a statement later. (NUL is dropped earlier, by `storableValue`.)
 */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const MALFORMED_TEXT_MESSAGE = "This text contains an invalid character (a lone UTF-16 surrogate); remove it and try again.";

export function isWellFormedText(value: string): boolean {
  return !LONE_SURROGATE.test(value);
}

export type InputIssue = { code: "custom"; path: (string | number)[]; message: string; input: unknown };

/** Every string (and object key) in parsed input that is not well-formed, with its path. */
export function malformedTextIssues(value: unknown, path: (string | number)[] = [], issues: InputIssue[] = []): InputIssue[] {
  if (issues.length >= 20) return issues;
  if (typeof value === "string") {
    if (!isWellFormedText(value)) issues.push({ code: "custom", path, message: MALFORMED_TEXT_MESSAGE, input: value });
  } else if (Array.isArray(value)) {
    value.forEach((entry, index) => malformedTextIssues(entry, [...path, index], issues));
  } else if (value !== null && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
    for (const [key, entry] of Object.entries(value)) {
      if (!isWellFormedText(key)) issues.push({ code: "custom", path, message: MALFORMED_TEXT_MESSAGE, input: key });
      else malformedTextIssues(entry, [...path, key], issues);
    }
  }
  return issues;
}
