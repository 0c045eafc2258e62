/** An edit as the API and the event stream show it: the stored edit, what became of it, and one line for people. */
import { describeEdit, type Edit, type EditOutcome } from "../curate/index.ts";

export function editRecord(edit: Edit, outcome: EditOutcome | undefined) {
  return {
    id: edit.id,
    op: edit.params.op,
    at: edit.at,
    author: edit.author,
    reason: edit.reason,
    params: edit.params,
    against: edit.against,
    status: outcome?.status ?? "not-applied",
    problem: outcome ? outcome.problem : "not taken into the graph yet",
    summary: describeEdit(edit.params),
  };
}

