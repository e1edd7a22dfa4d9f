/** Defaults of `dataLimits` in the configuration; the callers pass the configured values. */
export const MAX_FILE_MB = 10;
export const MAX_FILE_BYTES = MAX_FILE_MB * 1024 * 1024;
export const MAX_DATA_ROWS = 20_000;
/** What every part of an XLSX may inflate to, together: the zip-bomb limit. */
export const MAX_UNCOMPRESSED_BYTES = 100 * 1024 * 1024;
export const MAX_ZIP_ENTRIES = 10_000;
export const MAX_TEXT_LENGTH = 4_000;
// A template may carry a title block above the header; beyond this many rows it is not a header any more.
export const HEADER_SEARCH_ROWS = 10;
// Columns past this are never part of the template; reading them only costs memory on hostile sheets.
export const MAX_COLUMNS = 200;
/** How much of a cell's text a problem quotes back. */
export const VALUE_PREVIEW = 120;
