/**
 * The ontology's edge types as one declarative list (ONTOLOGY.md): id, human label,
 * whether direction matters, and which node types may stand at each end.
 * Extraction, export, query and web all read this list instead of repeating switches.
 */
import type { NodeType } from "./types.ts";

export interface EdgeTypeDef {
  id: string;
  label: string;
  symmetric: boolean;
  from: readonly NodeType[];
  to: readonly NodeType[];
}

const PARTY: readonly NodeType[] = ["actor", "organization"];

export const EDGE_TYPES: readonly EdgeTypeDef[] = [
  { id: "negotiated_with", label: "negotiated with", symmetric: true, from: PARTY, to: PARTY },
  { id: "met_with", label: "met with", symmetric: true, from: PARTY, to: PARTY },
  { id: "proposed", label: "proposed", symmetric: false, from: PARTY, to: ["proposal"] },
  { id: "supported", label: "supported", symmetric: false, from: PARTY, to: ["proposal", "actor", "organization"] },
  { id: "rejected", label: "rejected", symmetric: false, from: PARTY, to: ["proposal", "actor", "organization"] },
  { id: "considered", label: "considered", symmetric: false, from: PARTY, to: ["proposal"] },
  { id: "demanded", label: "demanded", symmetric: false, from: PARTY, to: ["proposal", "actor", "organization"] },
  { id: "criticized", label: "criticized", symmetric: false, from: PARTY, to: PARTY },
  { id: "threatened", label: "threatened", symmetric: false, from: PARTY, to: PARTY },
  { id: "attacked", label: "attacked", symmetric: false, from: PARTY, to: ["location", "organization"] },
  { id: "captured", label: "captured", symmetric: false, from: PARTY, to: ["location"] },
  { id: "visited", label: "visited", symmetric: false, from: PARTY, to: ["location", "organization"] },
  { id: "aided", label: "aided", symmetric: false, from: PARTY, to: PARTY },
  { id: "suspended_aid_to", label: "suspended aid to", symmetric: false, from: PARTY, to: PARTY },
  { id: "member_of", label: "member of", symmetric: false, from: PARTY, to: ["organization"] },
  { id: "located_in", label: "located in", symmetric: false, from: ["location"], to: ["location", "organization"] },
];

export const EDGE_TYPE_BY_ID: ReadonlyMap<string, EdgeTypeDef> = new Map(EDGE_TYPES.map((t) => [t.id, t]));

export const NODE_COLORS: Readonly<Record<NodeType, string>> = {
  actor: "#e4572e",
  organization: "#2e86ab",
  proposal: "#f3a712",
  location: "#4c956c",
};
