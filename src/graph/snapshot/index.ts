export { encodeSnapshot, type JsonIdentity } from "./encode.ts";
export { GraphSnapshot } from "./decode.ts";
export { SnapshotError } from "./format.ts";
export { SnapshotGraph } from "./snapshot-graph.ts";
export { snapshotStructure, structureOf, type GraphStructure } from "./structure.ts";
export { fileIdentity, identityOf, openSnapshot, removeSnapshot, snapshotFileOf } from "./file.ts";
