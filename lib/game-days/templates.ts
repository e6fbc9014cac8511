import { z } from "zod";
import { shellCommand } from "@/lib/game-days/shell";

/**
 * The experiment templates from the seed's chaos-engineering advice ("start simple and local"). Each
 * declares its parameters with a zod schema (an interface name, a duration, a URL …), builds the Chaos
 * Toolkit method and rollbacks as process providers with argument lists, and a steady-state hypothesis
 * probing a health URL over HTTP. Commands are shown shell-quoted.
 */
export type ProcessActivity = {
  type: "action" | "probe";
  name: string;
  provider: { type: "process"; path: string; arguments: string[]; timeout?: number };
  pauses?: { after?: number };
};
type HttpProbe = {
  type: "probe";
  name: string;
  tolerance: number | number[] | string | boolean | Record<string, unknown>;
  provider: { type: "http"; url: string; method?: string; timeout?: number };
};
type SteadyStateHypothesis = { title: string; probes: HttpProbe[] };
type RenderedExperiment = {
  steadyStateHypothesis: SteadyStateHypothesis;
  method: ProcessActivity[];
  rollbacks: ProcessActivity[];
};

// Parameter validators: strict shapes, so a hostile value never reaches a command line (and a value
// starting with “-” is never read as an option).
const INTERFACE = z
  .string()
  .trim()
  .regex(
    /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,14}$/,
    "An interface name such as eth0 (starts with a letter or digit; letters, digits, . _ : -; at most 15 characters).",
  );
const CONTAINER = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,127}$/, "A container id or name (letters, digits, . _ -).");
const PROCESS_NAME = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/, "A process name such as nginx (starts with a letter or digit; letters, digits, . _ -).");
const UNIT = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.@-]{0,127}$/, "A systemd unit such as nginx.service.");
const DIRECTORY = z
  .string()
  .trim()
  .regex(/^\/[A-Za-z0-9_./-]{0,255}$/, "An absolute directory path such as /var/tmp (letters, digits, . _ - /).")
  .refine((path) => !path.split("/").includes(".."), "The path may not contain “..”.");
const SIZE = z
  .string()
  .trim()
  .regex(/^[1-9][0-9]{0,5}[KMG]$/, "A size such as 500M or 2G.");
const DURATION = z
  .string()
  .trim()
  .regex(/^[1-9][0-9]{0,4}[smh]$/, "A duration such as 30s, 5m or 1h.");
const HEALTH_URL = z
  .string()
  .trim()
  .max(2000)
  .refine((value) => {
    if (/[\s\u0000-\u001f'"`\\]/.test(value)) return false;
    try {
      const url = new URL(value);
      return url.protocol === "http:" || url.protocol === "https:";
    } catch {
      return false;
    }
  }, "An http:// or https:// URL without spaces or quotes.");
const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

type TemplateParameter = { name: string; label: string; hint?: string; defaultValue: string };

type TemplateDefinition<S extends z.ZodObject> = {
  key: string;
  title: string;
  description: string;
  /** The dimension a held hypothesis verifies by default (a dimension key). */
  dimensionKey: string;
  blastRadius: string;
  parameters: TemplateParameter[];
  schema: S;
  method: (params: z.output<S>) => ProcessActivity[];
  rollbacks: (params: z.output<S>) => ProcessActivity[];
};

const action = (name: string, path: string, args: (string | number)[], pauseAfter?: number): ProcessActivity => ({
  type: "action",
  name,
  provider: { type: "process", path, arguments: args.map(String) },
  ...(pauseAfter ? { pauses: { after: pauseAfter } } : {}),
});

const healthParameter: TemplateParameter = {
  name: "healthUrl",
  label: "Health URL",
  hint: "Probed before and after the method; the hypothesis holds while it answers 200.",
  defaultValue: "http://localhost:8080/health",
};

function define<S extends z.ZodObject>(definition: TemplateDefinition<S>) {
  return definition;
}

export const TEMPLATES = [
  define({
    key: "stop-container",
    title: "Stop a container",
    description: "Stops one container and checks the service stays healthy (restarted or replaced by the orchestrator).",
    dimensionKey: "fault_tolerance",
    blastRadius: "One container on one host.",
    parameters: [healthParameter, { name: "container", label: "Container id or name", defaultValue: "web-1" }],
    schema: z.object({ healthUrl: HEALTH_URL, container: CONTAINER }),
    method: (p) => [action("stop-container", "docker", ["stop", p.container], 30)],
    rollbacks: (p) => [action("start-container", "docker", ["start", p.container])],
  }),
  define({
    key: "load-health-endpoint",
    title: "Load the health endpoint",
    description: "Puts load on an endpoint with wrk and checks the service keeps answering (auto scaling, limits).",
    dimensionKey: "auto_scaling",
    blastRadius: "The target endpoint and whatever serves it.",
    parameters: [
      healthParameter,
      { name: "targetUrl", label: "URL to load", defaultValue: "http://localhost:8080/health" },
      { name: "threads", label: "Threads", defaultValue: "12" },
      { name: "connections", label: "Connections", defaultValue: "400" },
      { name: "duration", label: "Duration", defaultValue: "30s" },
    ],
    schema: z.object({ healthUrl: HEALTH_URL, targetUrl: HEALTH_URL, threads: int(1, 64), connections: int(1, 10_000), duration: DURATION }),
    method: (p) => [action("load-endpoint", "wrk", [`-t${p.threads}`, `-c${p.connections}`, `-d${p.duration}`, p.targetUrl])],
    rollbacks: () => [action("stop-load", "pkill", ["-x", "wrk"])],
  }),
  define({
    key: "burn-cpu",
    title: "Burn CPU",
    description: "Saturates every CPU of a host with stress-ng for a while and checks the service stays within target.",
    dimensionKey: "auto_scaling",
    blastRadius: "One host.",
    parameters: [healthParameter, { name: "seconds", label: "Seconds", defaultValue: "60" }],
    schema: z.object({ healthUrl: HEALTH_URL, seconds: int(1, 3600) }),
    method: (p) => [action("burn-cpu", "stress-ng", ["--cpu", "0", "--cpu-method", "matrixprod", "-t", `${p.seconds}s`])],
    rollbacks: () => [action("stop-stress", "pkill", ["-x", "stress-ng"])],
  }),
  define({
    key: "network-latency",
    title: "Add network latency",
    description: "Adds latency on an interface with tc netem and checks timeouts and retries keep the service healthy.",
    dimensionKey: "fault_tolerance",
    blastRadius: "All traffic through one interface of one host.",
    parameters: [
      healthParameter,
      { name: "interface", label: "Network interface", defaultValue: "eth0" },
      { name: "delayMs", label: "Delay (ms)", defaultValue: "200" },
    ],
    schema: z.object({ healthUrl: HEALTH_URL, interface: INTERFACE, delayMs: int(1, 60_000) }),
    method: (p) => [action("add-latency", "tc", ["qdisc", "add", "dev", p.interface, "root", "netem", "delay", `${p.delayMs}ms`], 60)],
    rollbacks: (p) => [action("remove-latency", "tc", ["qdisc", "del", "dev", p.interface, "root", "netem"])],
  }),
  define({
    key: "block-dns",
    title: "Block DNS",
    description: "Drops DNS traffic with iptables and checks the service rides it out (caching, fallbacks).",
    dimensionKey: "fault_tolerance",
    blastRadius: "DNS of one host.",
    parameters: [healthParameter, { name: "protocol", label: "Protocol (tcp or udp)", defaultValue: "tcp" }],
    schema: z.object({ healthUrl: HEALTH_URL, protocol: z.enum(["tcp", "udp"], "tcp or udp.") }),
    method: (p) => [action("block-dns", "iptables", ["-A", "INPUT", "-p", p.protocol, "-m", p.protocol, "--dport", "53", "-j", "DROP"], 60)],
    rollbacks: (p) => [action("unblock-dns", "iptables", ["-D", "INPUT", "-p", p.protocol, "-m", p.protocol, "--dport", "53", "-j", "DROP"])],
  }),
  define({
    key: "kill-process",
    title: "Kill a process",
    description: "Kills a process by name and checks the supervisor brings it back (self-healing).",
    dimensionKey: "fault_tolerance",
    blastRadius: "One process on one host.",
    parameters: [
      healthParameter,
      { name: "processName", label: "Process name", defaultValue: "nginx" },
      { name: "unit", label: "systemd unit to start on rollback", defaultValue: "nginx.service" },
    ],
    schema: z.object({ healthUrl: HEALTH_URL, processName: PROCESS_NAME, unit: UNIT }),
    method: (p) => [action("kill-process", "pkill", ["-KILL", "-x", p.processName], 30)],
    rollbacks: (p) => [action("start-unit", "systemctl", ["start", p.unit])],
  }),
  define({
    key: "fill-disk",
    title: "Fill a disk",
    description: "Allocates a large file and checks the service degrades gracefully and alarms fire.",
    dimensionKey: "fault_tolerance",
    blastRadius: "One file system of one host.",
    parameters: [healthParameter, { name: "directory", label: "Directory", defaultValue: "/var/tmp" }, { name: "size", label: "Size", defaultValue: "1G" }],
    schema: z.object({ healthUrl: HEALTH_URL, directory: DIRECTORY, size: SIZE }),
    method: (p) => [action("fill-disk", "fallocate", ["-l", p.size, fillFile(p.directory)], 60)],
    rollbacks: (p) => [action("free-disk", "rm", ["-f", fillFile(p.directory)])],
  }),
] as const;

function fillFile(directory: string): string {
  return `${directory.replace(/\/+$/, "")}/andon-fill-disk`;
}

export type Template = (typeof TEMPLATES)[number];
export type TemplateKey = Template["key"];
export const TEMPLATE_KEYS = TEMPLATES.map((template) => template.key) as [TemplateKey, ...TemplateKey[]];

export function findTemplate(key: string): Template | undefined {
  return TEMPLATES.find((template) => template.key === key);
}

export function defaultParameters(template: Template): Record<string, string> {
  return Object.fromEntries(template.parameters.map((parameter) => [parameter.name, parameter.defaultValue]));
}

function healthHypothesis(healthUrl: string): SteadyStateHypothesis {
  return {
    title: "The service answers its health check",
    probes: [{ type: "probe", name: "health-endpoint-answers-200", tolerance: 200, provider: { type: "http", url: healthUrl, timeout: 5 } }],
  };
}

export type RenderResult =
  { ok: true; experiment: RenderedExperiment; parameters: Record<string, string | number> } | { ok: false; fieldErrors: Record<string, string[]> };

/** Validates the parameters and builds the experiment; field errors are keyed `parameters.<name>`. */
export function renderTemplate(template: Template, raw: Record<string, unknown>): RenderResult {
  const parsed = (template.schema as z.ZodObject).safeParse(raw);
  if (!parsed.success) {
    const fieldErrors: Record<string, string[]> = {};
    for (const issue of parsed.error.issues) {
      const key = `parameters.${String(issue.path[0] ?? "")}`;
      (fieldErrors[key] ??= []).push(issue.message);
    }
    return { ok: false, fieldErrors };
  }
  const params = parsed.data as never;
  return {
    ok: true,
    parameters: parsed.data as Record<string, string | number>,
    experiment: {
      steadyStateHypothesis: healthHypothesis((parsed.data as { healthUrl: string }).healthUrl),
      method: template.method(params),
      rollbacks: template.rollbacks(params),
    },
  };
}

/** The command lines of process activities, shell-quoted, for people to read and paste. */
export function commandLines(activities: readonly unknown[]): string[] {
  const lines: string[] = [];
  for (const activity of activities) {
    const provider = (activity as { provider?: { type?: string; path?: unknown; arguments?: unknown } } | null)?.provider;
    if (provider?.type !== "process" || typeof provider.path !== "string") continue;
    const args = Array.isArray(provider.arguments)
      ? provider.arguments.map(String)
      : typeof provider.arguments === "string"
        ? provider.arguments.split(/\s+/).filter(Boolean)
        : [];
    lines.push(shellCommand(provider.path, args));
  }
  return lines;
}
