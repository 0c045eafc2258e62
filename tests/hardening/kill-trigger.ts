/**
 * When to SIGKILL a process under test: after a delay, or the instant a file
 * event shows it has reached a given write (its temp file appears, or the final
 * name is renamed into place). File-event kills aim at the narrow windows a
 * uniform delay almost never hits: mid-write, and between two writes.
 */
import { watch } from "node:fs";
import type { ParleyProcess } from "./cli-process.ts";

export type KillTrigger =
  | { kind: "delay"; ms: number }
  /** Kill on the first file event in `dir` whose name passes `match`; after `fallbackMs` kill anyway. */
  | { kind: "file"; label: string; dir: string; match: (name: string) => boolean; fallbackMs: number };

export interface ArmedKill {
  /** Resolves when the kill was sent (or the process was already gone), with what fired it. */
  fired: Promise<"delay" | "file" | "fallback" | "exited-first">;
  /** True once SIGKILL has been sent. */
  sent(): boolean;
}

export const triggerName = (t: KillTrigger) => (t.kind === "delay" ? "delay" : t.label);

/** Arms the trigger against `proc`; call before starting the work to interrupt. */
export function armKill(proc: ParleyProcess, trigger: KillTrigger): ArmedKill {
  let sent = false;
  const fired = new Promise<"delay" | "file" | "fallback" | "exited-first">((resolve) => {
    const cleanups: Array<() => void> = [];
    const fire = (why: "delay" | "file" | "fallback") => {
      cleanups.forEach((c) => c());
      if (proc.child.exitCode !== null || proc.child.signalCode !== null) return resolve("exited-first");
      sent = true;
      proc.child.kill("SIGKILL");
      resolve(why);
    };
    proc.exited.then(() => {
      if (!sent) (cleanups.forEach((c) => c()), resolve("exited-first"));
    });
    if (trigger.kind === "delay") {
      const timer = setTimeout(() => fire("delay"), trigger.ms);
      cleanups.push(() => clearTimeout(timer));
      return;
    }
    const watcher = watch(trigger.dir, (_event, name) => {
      if (name && trigger.match(name)) fire("file");
    });
    const timer = setTimeout(() => fire("fallback"), trigger.fallbackMs);
    cleanups.push(() => watcher.close(), () => clearTimeout(timer));
  });
  return { fired, sent: () => sent };
}
