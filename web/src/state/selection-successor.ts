/**
 * Where the selection goes when an edit takes the selected entity out of the
 * graph. Node keys follow labels, so more edits than one would think do that:
 * a merge hands the selection to the entity it went into, a rename to the
 * entity with the new label, the undo of a rename back to the old one, the
 * undo of a split to the entity the alias came from, a deletion to the
 * overview (null). `undefined`: the edits say nothing about it. Pure; reads the
 * node keys each edit records it was made against.
 */
import type { EditRecord } from "../api.ts";
import type { ExplorerGraph } from "../graph/filters.ts";

/** The selected entity as it was before it went: its key, and its label then. */
export interface Gone {
  key: string;
  label: string | null;
}

export function selectionSuccessor(graph: ExplorerGraph, gone: Gone, edits: readonly EditRecord[]): string | null | undefined {
  const byId = new Map(edits.map((e) => [e.id, e]));
  // Newest first: the last edit that touched the selected entity decides.
  for (const edit of [...edits].sort((a, b) => b.id - a.id)) {
    const roles = edit.against?.nodes ?? {};
    const p = edit.params;
    if (edit.op === "undo") {
      const undone = byId.get(Number(p.target));
      const was = undone?.against?.nodes ?? {};
      if (undone?.op === "rename" && gone.label !== null && undone.params.label === gone.label) return existing(graph, was.entity) ?? findByLabel(graph, undone.params.entity);
      if (undone?.op === "split" && gone.label !== null && undone.params.alias === gone.label) return existing(graph, was.entity) ?? findByLabel(graph, undone.params.entity);
      continue;
    }
    if (!Object.values(roles).includes(gone.key)) continue;
    if (edit.op === "merge" && roles.from === gone.key) return existing(graph, roles.into) ?? findByLabel(graph, p.into);
    if (edit.op === "rename") return findByLabel(graph, p.label);
    if (edit.op === "delete-entity") return null;
  }
  return undefined;
}

/** Does any undo among `edits` point at an edit they do not include? Then the log has more to say. */
export function undoesUnknownEdit(edits: readonly EditRecord[]): boolean {
  const ids = new Set(edits.map((e) => e.id));
  return edits.some((e) => e.op === "undo" && !ids.has(Number(e.params.target)));
}

const existing = (graph: ExplorerGraph, key: string | undefined) => (key && graph.hasNode(key) ? key : undefined);

function findByLabel(graph: ExplorerGraph, label: unknown): string | undefined {
  if (typeof label !== "string" || !label) return undefined;
  return graph.findNode((_k, a) => a.label === label);
}
