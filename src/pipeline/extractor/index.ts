export { createExtractorPool, inProcessExtractor, ExtractorError, type Extractor } from "./pool.ts";
