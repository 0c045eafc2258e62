/** `parley query`: placeholder until its issue lands. */
import type { Command } from "commander";

export function registerQuery(program: Command): void {
  program.command("query").description("(not yet available)").action(() => {
    throw new Error("parley query is not implemented yet");
  });
}
