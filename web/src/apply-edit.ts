/**
 * Sends one curation edit (or an undo) and lets the rest of the page know: the
 * record goes to the edit signal at once (the history shows it without waiting
 * for its event), and the graph change arrives through the event stream — or is
 * fetched now when the stream is down. The 201 means the served graph has it.
 */
import { api, type EditNote, type EditRecord, type EditRequest } from "./api.ts";
import type { App } from "./app.ts";

export async function applyEdit(app: App, edit: EditRequest, note: EditNote = {}): Promise<EditRecord> {
  const answer = await api.edit(edit, note);
  app.recordEdit(answer.edit);
  app.expectChange();
  return answer.edit;
}

export async function undoEdit(app: App, id: number, note: EditNote = {}): Promise<EditRecord> {
  const answer = await api.undo(id, note);
  app.recordEdit(answer.edit);
  app.expectChange();
  return answer.edit;
}
