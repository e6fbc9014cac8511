import type { TemplateKey } from "@/lib/game-days/templates";

/**
 * "Reproduce this COE": the template that re-creates the failure a COE's contributing factors name,
 * from their category names (the defaults and an organization's own, matched by words).
 */
const RULES: { words: RegExp; template: TemplateKey }[] = [
  { words: /dns|resolv/i, template: "block-dns" },
  { words: /latenc|network|timeout|third.?party|dependenc/i, template: "network-latency" },
  { words: /disk|storage|capacity|quota/i, template: "fill-disk" },
  { words: /cpu|load|traffic|scal/i, template: "load-health-endpoint" },
  { words: /deploy|config|drift|crash|process|memory/i, template: "kill-process" },
];

export function templateForCoe(categoryNames: readonly string[]): TemplateKey {
  for (const rule of RULES) if (categoryNames.some((name) => rule.words.test(name))) return rule.template;
  return "stop-container";
}
