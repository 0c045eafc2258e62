import { dirname, join } from "node:path";

/** Where a corpus store lives unless told otherwise: `parley.db` beside the graph file it feeds. */
export const defaultStoreFile = (graphFile: string) => join(dirname(graphFile), "parley.db");
