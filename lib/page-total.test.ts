import { describe, expect, it } from "vitest";
import { rowsAndTotal } from "@/lib/page-total";

describe("rowsAndTotal", () => {
  it("counts the rows of a page that is not full without asking", async () => {
    let counted = false;
    const result = await rowsAndTotal(
      5,
      async () => [1, 2],
      async () => ((counted = true), 99),
    );
    expect(result).toEqual({ rows: [1, 2], total: 2 });
    expect(counted).toBe(false);
  });

  it("asks for the count when the page is full", async () => {
    expect(
      await rowsAndTotal(
        2,
        async () => [1, 2],
        async () => 7,
      ),
    ).toEqual({ rows: [1, 2], total: 7 });
  });
});
