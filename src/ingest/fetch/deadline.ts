/**
 * One budget for a whole fetch (connect, headers and body over every redirect):
 * a signal that aborts when timeoutMs passes or when the caller's own signal
 * aborts, and which of the two it was.
 */

export interface Deadline {
  signal: AbortSignal;
  timedOut(): boolean;
  /** Stops the clock (before parsing, which is not network time). */
  clear(): void;
}

export function startDeadline(timeoutMs: number, outer?: AbortSignal): Deadline {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort(new Error(`no complete answer within ${timeoutMs} ms`));
  }, timeoutMs);
  const onAbort = () => controller.abort(outer!.reason);
  if (outer?.aborted) onAbort();
  else outer?.addEventListener("abort", onAbort, { once: true });
  return {
    signal: controller.signal,
    timedOut: () => timedOut,
    clear() {
      clearTimeout(timer);
      outer?.removeEventListener("abort", onAbort);
    },
  };
}
