export { writeSearchablePdf, PRODUCER } from './searchable-pdf';
export type { SearchablePage, WriteSearchablePdfOptions, WrittenPdf } from './searchable-pdf';
export type { TableOfContents } from './table-of-contents';
export { createPageLoader, exportPageToOcrPage, exportSearchablePdf, wordsToBlocks } from './export-pdf';
export type { ExportSearchablePdfOptions, ParsedExportPdfRequest } from './export-pdf';
export { planRedaction, redactionBoxes, writeRedactedPdf } from './redacted-pdf';
export type { PageRedactions, RedactionPlan } from './redacted-pdf';
export { signPdfBytes } from './signed-pdf';
export type { SignPdfOptions } from './signed-pdf';
