// Types of ./compiled.mjs, for the TypeScript that checks the compiled CLI (bench, tests).
export declare const DIST_DIR: string;
export declare const STAMP_FILE: string;
export declare const MAIN_FILE: string;
export type FileRecord = [size: number, mtimeMs: number];
export declare function fileRecord(path: string): FileRecord;
export declare function changedInput(root: string, inputs: Record<string, FileRecord>): string | null;
export declare function compiledMain(root: string): string | null;
