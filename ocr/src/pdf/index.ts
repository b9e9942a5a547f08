export { writeSearchablePdf, PRODUCER } from './searchable-pdf';
export type { SearchablePage, WriteSearchablePdfOptions, WrittenPdf } from './searchable-pdf';
export type { TableOfContents } from './table-of-contents';
