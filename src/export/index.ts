export { EXPORT_FORMATS, EXPORT_FORMAT_IDS, getExportFormat, UnknownFormatError, type ExportFormat, type ExportFormatId, type ExportOptions } from "./formats.ts";
export { exportToFile } from "./to-file.ts";
export { ExportStreamError } from "./chunk-writer.ts";
export { stripIllegalXmlChars } from "./xml.ts";
