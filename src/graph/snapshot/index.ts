export { encodeSnapshot, type JsonIdentity } from "./encode.ts";
export { GraphSnapshot } from "./decode.ts";
export { SnapshotError } from "./format.ts";
export { SnapshotGraph } from "./snapshot-graph.ts";
export { snapshotStructure, structureOf, type GraphStructure } from "./structure.ts";
export { checkedStampOf, fileIdentity, identityOf, markSnapshotChecked, openSnapshot, removeSnapshot, snapshotFileOf } from "./file.ts";
