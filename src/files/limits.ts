// Every limit on reading uploaded and imported files, in one place. A file beyond a limit is
// refused with a message that names the limit; nothing in it is written.

export type SpreadsheetLimits = {
  /** Entries in the zip's central directory (a workbook has a dozen or so). */
  maxEntries: number;
  /** Inflated bytes of any one part read (the sheet, its shared strings, its styles). */
  maxPartBytes: number;
  /** Inflated bytes of all the parts read together. */
  maxTotalBytes: number;
  /** Inflated size over compressed size of a part; real sheets compress 5–20 times, bombs 1,000. */
  maxCompressionRatio: number;
  /** The highest row number (the header is row 1). */
  maxRows: number;
  /** The highest column number (200 is column GR). */
  maxColumns: number;
  /** Cells in the sheet, empty ones included. */
  maxCells: number;
  maxSharedStrings: number;
  /** Characters of all shared strings together: they are held in memory while the sheet is read. */
  maxSharedStringChars: number;
  /** Characters of one cell. */
  maxCellChars: number;
  /** Wall-clock time from opening the file to its last row. */
  maxMilliseconds: number;
};

export type CsvLimits = {
  /** Characters of one record (line), which bounds every field in it. */
  maxRecordChars: number;
  maxColumns: number;
  /** Records, the header included; Infinity when the file is streamed (memory stays flat). */
  maxRows: number;
  /** Fields of all records together. */
  maxCells: number;
  /** Wall-clock time from the first byte to the last record. */
  maxMilliseconds: number;
};

/** Parts a ratio is not checked below: a small file that compresses well harms nobody. */
export const RATIO_CHECK_FROM_BYTES = 10 * 1024 * 1024;

/** Workbook, relationship and content-type parts: a few kilobytes in any real file. */
export const MAX_METADATA_PART_BYTES = 4 * 1024 * 1024;

/** styles.xml: fonts, fills and cell formats; a few megabytes in the messiest real workbooks. */
export const MAX_STYLES_PART_BYTES = 64 * 1024 * 1024;

/** Cell formats in styles.xml; Excel itself allows about 64,000. */
export const MAX_CELL_FORMATS = 65_000;

/** Nesting of XML elements; a sheet needs six levels. */
export const MAX_XML_DEPTH = 64;

/**
 * Requirement tables hold a few hundred requirements and are read whole into memory, so the
 * upload and everything in it is kept small. A cell may be longer than the API allows for a
 * requirement text (50,000), so that the import can name the row and column that is too long.
 */
export const requirementTableLimits = {
  uploadBytes: 10 * 1024 * 1024,
  spreadsheet: {
    maxEntries: 1_000,
    maxPartBytes: 64 * 1024 * 1024,
    maxTotalBytes: 100 * 1024 * 1024,
    maxCompressionRatio: 100,
    maxRows: 5_000,
    maxColumns: 200,
    maxCells: 250_000,
    maxSharedStrings: 250_000,
    maxSharedStringChars: 20_000_000,
    maxCellChars: 1_000_000,
    maxMilliseconds: 10_000,
  } satisfies SpreadsheetLimits,
  csv: {
    maxRecordChars: 2_000_000,
    maxColumns: 200,
    maxRows: 5_000,
    maxCells: 250_000,
    maxMilliseconds: 10_000,
  } satisfies CsvLimits,
};

/**
 * Measurement files are streamed row by row, so only what is held at once is bounded tightly:
 * the shared strings. Rows go up to Excel's own maximum of 1,048,576 rows, and a cell up to
 * Excel's own maximum of 32,767 characters.
 */
export const measurementFileLimits = {
  spreadsheet: {
    maxEntries: 1_000,
    maxPartBytes: 1536 * 1024 * 1024,
    maxTotalBytes: 2048 * 1024 * 1024,
    maxCompressionRatio: 100,
    maxRows: 1_048_576,
    maxColumns: 200,
    maxCells: 20_000_000,
    maxSharedStrings: 1_048_576,
    maxSharedStringChars: 32_000_000,
    maxCellChars: 32_767,
    maxMilliseconds: 15 * 60_000,
  } satisfies SpreadsheetLimits,
  csv: {
    maxRecordChars: 1_000_000,
    maxColumns: 200,
    maxRows: Number.POSITIVE_INFINITY,
    maxCells: Number.POSITIVE_INFINITY,
    maxMilliseconds: 15 * 60_000,
  } satisfies CsvLimits,
};
