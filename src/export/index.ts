export {
  ALL_EXPORT_FORMAT_IDS,
  DIRECTORY_EXPORT_FORMATS,
  EXPORT_FORMATS,
  EXPORT_FORMAT_IDS,
  findExportFormat,
  getExportFormat,
  NotStreamableFormatError,
  UnknownFormatError,
  type DirectoryExportFormat,
  type DirectoryFormatId,
  type ExportFormat,
  type ExportFormatId,
  type ExportOptions,
} from "./formats.ts";
export { exportToFile } from "./to-file.ts";
export { ExportStreamError } from "./chunk-writer.ts";
export { ExportTargetError, type DirectoryExport } from "./neo4j-import.ts";
export { stripIllegalXmlChars } from "./xml.ts";
