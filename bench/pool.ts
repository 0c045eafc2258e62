/**
 * Runs async jobs with at most `width` at once, keeping their results in job
 * order. The full benchmark runs one job at a time (clean timings); --quick
 * runs two, since it is a smoke run that must fit in a minute.
 */
export async function pool<T>(jobs: Array<() => Promise<T>>, width: number): Promise<T[]> {
  if (!(Number.isInteger(width) && width >= 1)) throw new TypeError(`bench/pool: width must be a positive integer, got ${width}`);
  const results: T[] = new Array(jobs.length);
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) {
      const i = next++;
      results[i] = await jobs[i]!();
    }
  };
  await Promise.all(Array.from({ length: Math.min(width, jobs.length) }, worker));
  return results;
}
