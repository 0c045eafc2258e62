export { CorpusStore, StoreError, type StoredArticleRow, type StoredExtraction, type ArticlePut, type CorpusChange } from "./corpus-store.ts";
export { extractorVersion, describeVersionChange, type ExtractorVersion } from "./version.ts";
export { contentHashOf, sourceHashOf, textHashOf } from "./hashes.ts";
export { defaultStoreFile } from "./default-file.ts";
