export type Limiter = <T>(work: () => Promise<T>) => Promise<T>;

/** Runs at most `slots` pieces of work at once; the others wait their turn, first come first served. */
export function limiter(slots: number): Limiter {
  let active = 0;
  const waiting: (() => void)[] = [];
  return async (work) => {
    if (active < slots) active++;
    else await new Promise<void>((resolve) => waiting.push(resolve));
    try {
      return await work();
    } finally {
      // The slot passes straight to the next in line, or is freed.
      const next = waiting.shift();
      if (next) next();
      else active--;
    }
  };
}
