/** `parley serve`: placeholder until its issue lands. */
import type { Command } from "commander";

export function registerServe(program: Command): void {
  program.command("serve").description("(not yet available)").action(() => {
    throw new Error("parley serve is not implemented yet");
  });
}
