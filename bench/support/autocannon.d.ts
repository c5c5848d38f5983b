// The slice of autocannon's API the HTTP bench and the load script use
// (the package ships no types; this avoids another dependency).
declare module "autocannon" {
  namespace autocannon {
    type RequestSpec = {
      method?: string;
      path?: string;
      headers?: Record<string, string>;
      body?: string;
      setupRequest?: (req: Record<string, unknown>, context: Record<string, unknown>) => Record<string, unknown>;
      onResponse?: (status: number, body: string, context: Record<string, unknown>) => void;
    };
    type Options = {
      url: string;
      method?: string;
      headers?: Record<string, string>;
      body?: string;
      connections?: number;
      amount?: number;
      maxOverallRequests?: number;
      duration?: number;
      timeout?: number;
      sampleInt?: number;
      requests?: RequestSpec[];
    };
    type Histogram = { average: number; p50: number; p90: number; p99: number; max: number; min: number };
    type Result = {
      duration: number;
      errors: number;
      timeouts: number;
      non2xx: number;
      "2xx": number;
      latency: Histogram;
      requests: Histogram & { total: number };
    };
    type Instance = { stop(): void; on(event: "response", listener: (...args: unknown[]) => void): void };
  }
  function autocannon(opts: autocannon.Options, cb: (err: Error | null, result: autocannon.Result) => void): autocannon.Instance;
  export default autocannon;
}
