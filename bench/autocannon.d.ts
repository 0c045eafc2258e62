/** The slice of autocannon's API the benchmark uses (the package ships no types). */
declare module "autocannon" {
  export interface Histogram {
    average: number;
    p50: number;
    p99: number;
    total: number;
  }
  export interface Result {
    requests: Histogram;
    latency: Histogram;
    non2xx: number;
    errors: number;
    /** Seconds the run took. */
    duration: number;
    totalCompletedRequests: number;
  }
  export interface Options {
    url: string;
    connections?: number;
    duration?: number;
    /** Leave the run's histograms encoded, for aggregateResult to merge with other runs. */
    skipAggregateResult?: boolean;
    requests?: Array<{ method?: string; setupRequest?: (req: Record<string, unknown>) => Record<string, unknown> }>;
  }
  function autocannon(options: Options): Promise<Result>;
  namespace autocannon {
    function aggregateResult(results: Result[], options: Pick<Options, "url" | "connections">): Result;
  }
  export default autocannon;
}
