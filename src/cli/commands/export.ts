/** `parley export`: placeholder until its issue lands. */
import type { Command } from "commander";

export function registerExport(program: Command): void {
  program.command("export").description("(not yet available)").action(() => {
    throw new Error("parley export is not implemented yet");
  });
}
