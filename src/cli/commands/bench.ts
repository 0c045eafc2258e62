/** `parley bench`: placeholder until its issue lands. */
import type { Command } from "commander";

export function registerBench(program: Command): void {
  program.command("bench").description("(not yet available)").action(() => {
    throw new Error("parley bench is not implemented yet");
  });
}
