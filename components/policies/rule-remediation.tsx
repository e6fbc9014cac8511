import { Markdown } from "@/components/coes/markdown";

/** A rule's rationale and remediation, written in Markdown, rendered as safely as COE answers. */
export function RuleRemediation({ source }: { source: string }) {
  if (!source) return null;
  return (
    <div className="mt-4" data-testid="rule-remediation">
      <Markdown source={source} />
    </div>
  );
}
