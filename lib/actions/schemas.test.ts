// Evidence, proof, reasons and comments are shown as Markdown: they are held to the same rendering
// limits as COE answers, at the door (forms, server actions and the API parse with these schemas).
import { describe, expect, it } from "vitest";
import { bulkActionSchema, changeStatusSchema, commentSchema, updateActionSchema } from "@/lib/actions/schemas";

const costly = ">".repeat(4_100) + " a";
const ordinary = "Merged [the fix](https://example.com/pr/1); the **new** alarm `p99_latency` fired in the game day.\n\n- step one\n- step two";
const base = { actionId: "a1", version: 1 };

function messages(result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) {
  return (result.error?.issues ?? []).map((issue) => `${issue.path.join(".")}: ${issue.message}`);
}

describe("Markdown fields of corrective actions", () => {
  it.each([
    ["evidence", changeStatusSchema, { ...base, status: "DONE", evidence: costly }],
    ["verificationNote", changeStatusSchema, { ...base, status: "VERIFIED", verificationMethod: "TEST", verificationNote: costly }],
    ["wontDoReason", changeStatusSchema, { ...base, status: "WONT_DO", wontDoReason: costly }],
    ["dueDateReason", updateActionSchema, { ...base, dueDate: "2030-01-31", dueDateReason: costly }],
    ["dueDateReason", bulkActionSchema, { actionIds: ["a1"], dueDate: "2030-01-31", dueDateReason: costly }],
    ["body", commentSchema, { actionId: "a1", body: costly }],
  ] as const)("refuses %s that would be costly to show, with the reason under the field", (field, schema, input) => {
    expect(messages(schema.safeParse(input))).toContainEqual(expect.stringMatching(new RegExp(`^${field}: Markdown nesting deeper than 10 levels`)));
  });

  it("accepts ordinary Markdown in each of them, trimmed", () => {
    expect(changeStatusSchema.parse({ ...base, status: "DONE", evidence: ` ${ordinary} ` }).evidence).toBe(ordinary);
    expect(changeStatusSchema.safeParse({ ...base, status: "VERIFIED", verificationMethod: "TEST", verificationNote: ordinary }).success).toBe(true);
    expect(updateActionSchema.safeParse({ ...base, dueDate: "2030-01-31", dueDateReason: ordinary }).success).toBe(true);
    expect(commentSchema.parse({ actionId: "a1", body: ordinary }).body).toBe(ordinary);
    expect(messages(commentSchema.safeParse({ actionId: "a1", body: "   " }))).toEqual(["body: Write a comment."]);
    expect(messages(updateActionSchema.safeParse({ ...base, dueDateReason: "x" }))).toEqual(["dueDateReason: Say why, in a few words."]);
  });
});
