import type { Doc } from '../pdf-layout.ts';

/** One line of the Daftar Isi: a chapter (level 0) or a numbered section of one (level 1), and its page. */
export interface TocEntry {
  key: string;
  level: 0 | 1;
  title: string;
  /** The physical page, cover = 1: the number the page footer prints ("Halaman 5 dari 24"). */
  page: number;
}

/**
 * Records the page of every heading as the document is drawn, and adds it to the PDF's bookmarks. pdfkit writes
 * each page out as it is left, so the Daftar Isi (page 3) cannot be filled in afterwards without pdfkit internals:
 * the document is laid out once to learn the pages, then drawn again with them (see index.ts).
 */
export class TocRecorder {
  readonly entries: TocEntry[] = [];
  private page = 1;
  private chapter: PDFKit.PDFOutline | undefined;

  constructor(private readonly doc: Doc) {
    doc.on('pageAdded', () => {
      this.page += 1;
    });
  }

  get currentPage(): number {
    return this.page;
  }

  mark(key: string, level: 0 | 1, title: string): void {
    this.entries.push({ key, level, title, page: this.page });
    if (level === 0 || !this.chapter) {
      const item = this.doc.outline.addItem(title);
      if (level === 0) this.chapter = item;
    } else this.chapter.addItem(title);
  }
}

/** Whether two layouts put the same headings on the same pages: then the printed Daftar Isi is right. */
export function sameToc(a: readonly TocEntry[], b: readonly TocEntry[]): boolean {
  return (
    a.length === b.length &&
    a.every(
      (e, i) => e.key === b[i]?.key && e.title === b[i]?.title && e.page === b[i]?.page && e.level === b[i]?.level,
    )
  );
}
