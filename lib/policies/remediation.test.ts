// A rule's remediation is Markdown: readers get its links, lists and code, never raw HTML or script
// links, and a text too costly to render is refused when the rule is saved.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { RuleRemediation } from "@/components/policies/rule-remediation";
import { RULE_LIBRARY } from "@/lib/policies/library";
import { createRuleSchema } from "@/lib/policies/schemas";

const render = (source: string) => renderToStaticMarkup(createElement(RuleRemediation, { source }));
const TLS = { all: [{ fact: "tls.expiresAt", operator: "daysUntilLessThan", value: 30 }] };

describe("rule remediation", () => {
  it("renders Markdown: links, lists and code, with raw HTML and script links dropped", () => {
    const html = render(
      "Renew it with the [runbook](https://runbooks.example/tls).\n\n- automate renewal\n- record `tls.expiresAt`\n\n<script>alert(1)</script> [x](javascript:alert(1))",
    );
    expect(html).toContain('<a href="https://runbooks.example/tls"');
    expect(html).toContain("<li>automate renewal</li>");
    expect(html).toContain("<code>tls.expiresAt</code>");
    expect(html).not.toContain("<script");
    expect(html).not.toContain("javascript:");
  });

  it("renders the library's own texts with their code spans", () => {
    const backup = RULE_LIBRARY.find((entry) => entry.key === "backup-restore-untested")!;
    expect(render(backup.remediation)).toContain("<code>backup.lastRestoreTest</code>");
    expect(render("")).toBe("");
  });

  it("refuses, under the field, a remediation too costly to render", () => {
    const parsed = createRuleSchema.safeParse({ name: "Deep quotes", conditions: TLS, remediation: ">".repeat(5000) + " deep" });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((issue) => issue.path.join("."))).toContain("remediation");
    expect(createRuleSchema.safeParse({ name: "Fine", conditions: TLS, remediation: "  **Renew** it.  " }).data?.remediation).toBe("**Renew** it.");
  });
});
