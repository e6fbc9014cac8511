/** How big the benchmark organization is. `full` is the size the benchmark issue asks for. */
export type Scale = {
  name: "full" | "tiny";
  /** Teams per level, top level first. */
  teamLevels: number[];
  services: number;
  users: number;
  coes: number;
  actions: number;
  metricWeeks: number;
  metricsPerService: number;
  reviews: number;
};

export const FULL_SCALE: Scale = {
  name: "full",
  teamLevels: [4, 16, 60, 120],
  services: 1000,
  users: 2000,
  coes: 20_000,
  actions: 150_000,
  metricWeeks: 104,
  metricsPerService: 3,
  reviews: 100,
};

export const TINY_SCALE: Scale = {
  name: "tiny",
  teamLevels: [2, 4, 6, 8],
  services: 30,
  users: 40,
  coes: 60,
  actions: 300,
  metricWeeks: 8,
  metricsPerService: 3,
  reviews: 4,
};
