/**
 * The query runner: console queries run in a worker thread that holds its own
 * engine over the graph file, so a long query never blocks the event loop that
 * answers health, search, node and path requests. One query runs at a time;
 * the others wait in a bounded queue. Each query gets a hard deadline a little
 * above the engine's cooperative time guard: past it the worker is terminated,
 * the query answers 408 `query_guard` and a fresh worker is started. The worker
 * has V8 resource limits, so a query that needs too much memory kills only its
 * worker (422 `query_guard`, guard "memory"). `reload()` after an ingest moves
 * new queries to a worker loaded from the new graph file.
 */
import { Worker } from "node:worker_threads";
import { statSync } from "node:fs";
import { DEFAULT_LIMITS, type QueryLimits } from "../../query/index.ts";
import { QueryHardStopError, QueryQueueFullError, QueryWorkerError, unpackError } from "./errors.ts";
import type { FromWorker, ToWorker, WorkerInit } from "./protocol.ts";

export interface QueryWorkerOptions {
  /** Hard deadline of one query in ms; default: the time guard + 500 ms. */
  deadlineMs?: number;
  /** The worker's old-generation heap in MB; default: enough for the graph file and room to work. */
  maxOldGenerationSizeMb?: number;
  /** Most queries waiting for the worker before new ones are refused (503). */
  maxQueued?: number;
  /**
   * The graph file's binary snapshot, read into shared memory and checked: workers share these
   * bytes instead of each reading its own, until reload() (the file changed).
   */
  snapshot?: SharedArrayBuffer;
}

export interface QueryRunner {
  /** Runs a console query; resolves with the result as JSON text. */
  run(query: string, params?: Record<string, unknown>): Promise<string>;
  /** The graph changed and its file is being written: until `reload()`, queries go to `whileHeld` or wait. */
  hold(): void;
  /** The graph file changed (ingest): queries from now on run on a worker loaded from it. */
  reload(): void;
  /** Resolves when the current worker has loaded the graph. */
  ready(): Promise<void>;
  /** Refuses what is queued and stops the workers; call once in-flight requests are done. */
  close(): Promise<void>;
  /** Workers started after the first one (stops, crashes and reloads). */
  readonly restarts: number;
}

interface Job {
  msg: ToWorker;
  resolve(json: string): void;
  reject(err: Error): void;
  timer?: NodeJS.Timeout;
}

interface Slot {
  worker: Worker;
  loaded: Promise<void>;
  isReady: boolean;
  job: Job | null;
  /** Replaced by a reload: finish the job in hand, take no more. */
  retiring: boolean;
  dead: boolean;
  /** Ends this worker for good, failing its job with `err`. */
  lose(err: Error): void;
}

const BOOT = new URL("./boot.mjs", import.meta.url);
const MB = 1024 * 1024;

/** A loaded graph takes several times its JSON size on the heap (graphology plus the engine's index). */
function defaultHeapMb(graphFile: string): number {
  return Math.max(512, Math.ceil((statSync(graphFile).size / MB) * 8) + 512);
}

/**
 * `whileHeld` answers queries between `hold()` and `reload()` (the server's own
 * engine, already on the new graph); without it they wait for the new worker.
 */
export function createQueryRunner(
  graphFile: string,
  limits: Partial<QueryLimits> = {},
  options: QueryWorkerOptions = {},
  log: (line: string) => void = () => {},
  whileHeld?: (query: string, params?: Record<string, unknown>) => Promise<string>,
): QueryRunner {
  if (typeof graphFile !== "string" || !graphFile) throw new TypeError("server/query-worker: expecting the graph file's path.");
  const deadlineMs = options.deadlineMs ?? (limits.timeoutMs ?? DEFAULT_LIMITS.timeoutMs) + 500;
  const maxQueued = options.maxQueued ?? 100;
  const queue: Job[] = [];
  let nextId = 1;
  let restarts = -1;
  let closed = false;
  /** The worker new queries go to; null after a worker failed to load (the next query starts one). */
  let current: Slot | null = null;
  const slots = new Set<Slot>();

  let shared = options.snapshot;
  const spawn = (): Slot => {
    restarts++;
    const heapMb = options.maxOldGenerationSizeMb ?? defaultHeapMb(graphFile);
    const init: WorkerInit = { graphFile, limits, snapshot: shared };
    const worker = new Worker(BOOT, { workerData: init, resourceLimits: { maxOldGenerationSizeMb: heapMb }, stdout: false, stderr: false });
    let loadedOk!: () => void;
    let loadFailed!: (err: Error) => void;
    const loaded = new Promise<void>((resolve, reject) => ((loadedOk = resolve), (loadFailed = reject)));
    loaded.catch(() => {});
    const slot: Slot = { worker, loaded, isReady: false, job: null, retiring: false, dead: false, lose: (err) => lost(err) };
    slots.add(slot);

    const finish = (job: Job | null, settle: (job: Job) => void) => {
      if (!job) return;
      clearTimeout(job.timer);
      slot.job = null;
      settle(job);
    };
    /** The worker is gone (stopped, crashed, out of memory): fail its job and the waiting ones if it never loaded, replace it if it was current. */
    const lost = (err: Error) => {
      if (slot.dead) return;
      slot.dead = true;
      slots.delete(slot);
      finish(slot.job, (job) => job.reject(err));
      loadFailed(err);
      if (slot === current && !closed) {
        // A worker that never loaded would fail again at once: fail the waiting queries, start the next worker only on demand.
        if (!slot.isReady) for (const job of queue.splice(0)) job.reject(err);
        current = slot.isReady ? spawn() : null;
      }
      void worker.terminate();
    };

    worker.on("message", (msg: FromWorker) => {
      if ("ready" in msg) {
        slot.isReady = true;
        loadedOk();
        return pump();
      }
      if ("failed" in msg) return lost(new QueryWorkerError(`the query worker could not load the graph: ${unpackError(msg.failed).message}`));
      finish(slot.job, (job) => ("json" in msg ? job.resolve(msg.json) : job.reject(unpackError(msg.error))));
      if (slot.retiring) return retire(slot);
      pump();
    });
    worker.on("error", (err: Error & { code?: string }) => {
      if (err.code === "ERR_WORKER_OUT_OF_MEMORY") return lost(new QueryHardStopError("memory", heapMb));
      log(`query worker error: ${err.stack ?? err}`);
      lost(new QueryWorkerError("the query worker crashed; the query can be tried again"));
    });
    worker.on("exit", (code) => lost(new QueryWorkerError(`the query worker stopped (exit code ${code}); the query can be tried again`)));
    return slot;
  };

  const retire = (slot: Slot) => {
    slot.dead = true;
    slots.delete(slot);
    void slot.worker.terminate();
  };

  const pump = () => {
    const slot = current;
    if (closed || held || !slot?.isReady || slot.job || !queue.length) return;
    const job = queue.shift()!;
    slot.job = job;
    // When the main thread was blocked (an ingest rebuild) the timer fires as soon as it is free, possibly
    // before the worker's answer waiting in the message queue is read: give that answer one loop turn
    // (messages are read in the poll phase, before setImmediate callbacks) before stopping the worker.
    job.timer = setTimeout(() => setImmediate(() => slot.job === job && slot.lose(new QueryHardStopError("time", deadlineMs))), deadlineMs);
    slot.worker.postMessage(job.msg);
  };

  // Between an ingest and the write of its graph file, so no query answers from the graph before it.
  let held = false;
  current = spawn();

  return {
    run(query, params) {
      if (closed) return Promise.reject(new QueryWorkerError("the server is shutting down"));
      if (held && whileHeld) return whileHeld(query, params);
      if (queue.length >= maxQueued) return Promise.reject(new QueryQueueFullError(maxQueued));
      return new Promise<string>((resolve, reject) => {
        queue.push({ msg: { id: nextId++, query, params }, resolve, reject });
        current ??= spawn();
        pump();
      });
    },
    hold() {
      held = true;
    },
    reload() {
      if (closed) return;
      held = false;
      shared = undefined; // of the file before this change
      const old = current;
      current = spawn();
      if (!old) return;
      old.retiring = true;
      if (!old.job) retire(old);
    },
    ready: () => (current ??= spawn()).loaded,
    async close() {
      closed = true;
      const shuttingDown = new QueryWorkerError("the server is shutting down");
      for (const job of queue.splice(0)) job.reject(shuttingDown);
      await Promise.all([...slots].map((slot) => (slot.lose(shuttingDown), slot.worker.terminate())));
    },
    get restarts() {
      return restarts;
    },
  };
}
