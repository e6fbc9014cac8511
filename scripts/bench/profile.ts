import fs from "node:fs";
import path from "node:path";

type ProfileNode = { id: number; callFrame: { functionName: string; url: string; lineNumber: number } };
type CpuProfile = { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };

/** Where a frame's code comes from: an npm package, the app's own server chunks, or Node itself. */
function areaOf(url: string): string {
  if (!url) return "(native, GC, idle)";
  const dependency = url.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/);
  if (dependency) return dependency[1]!;
  if (url.includes(".next/server")) return "app (.next/server)";
  if (url.startsWith("node:")) return "node core";
  return url.split("/").slice(-2).join("/");
}

function top(totals: Map<string, number>, count: number, all: number): string[] {
  return [...totals]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([name, micros]) => `${((100 * micros) / all).toFixed(1).padStart(5)}%  ${name}`);
}

/** Self time by package and by function of the newest .cpuprofile in `dir`, as printable lines. */
export function summarizeProfile(dir: string): string {
  const newest = fs
    .readdirSync(dir)
    .filter((name) => name.endsWith(".cpuprofile"))
    .map((name) => path.join(dir, name))
    .sort((a, b) => fs.statSync(b).mtimeMs - fs.statSync(a).mtimeMs)[0];
  if (!newest) return `no .cpuprofile in ${dir}`;
  const profile = JSON.parse(fs.readFileSync(newest, "utf8")) as CpuProfile;
  const selfTime = new Map<number, number>();
  profile.samples.forEach((nodeId, index) => selfTime.set(nodeId, (selfTime.get(nodeId) ?? 0) + (profile.timeDeltas[index] ?? 0)));
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const byArea = new Map<string, number>();
  const byFunction = new Map<string, number>();
  let all = 0;
  for (const [nodeId, micros] of selfTime) {
    const { functionName, url, lineNumber } = nodes.get(nodeId)!.callFrame;
    const area = areaOf(url);
    all += micros;
    byArea.set(area, (byArea.get(area) ?? 0) + micros);
    const name = `${functionName || "(anonymous)"}  ${area}:${lineNumber + 1}`;
    byFunction.set(name, (byFunction.get(name) ?? 0) + micros);
  }
  return [
    `${newest}: ${(all / 1e6).toFixed(1)} s sampled`,
    "self time by package:",
    ...top(byArea, 15, all),
    "self time by function:",
    ...top(byFunction, 30, all),
  ].join("\n");
}
