import PDFDocument from 'pdfkit';

/**
 * Joins the pages of one material into one PDF, one A4 page per photographed page (portrait or
 * landscape as the photo is), the JPEG embedded as it is (no second lossy encode). Nothing touches
 * the disk: the PDF is built in memory.
 */
export function pagesToPdf(pages: ReadonlyArray<{ jpeg: Buffer; width: number; height: number }>, title: string): Promise<Buffer> {
  const document = new PDFDocument({ autoFirstPage: false, info: { Title: title, Producer: 'Tongban kiosk' } });
  const chunks: Buffer[] = [];
  document.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    document.on('end', () => resolve(Buffer.concat(chunks)));
    document.on('error', reject);
  });
  const margin = 18;
  for (const page of pages) {
    const landscape = page.width > page.height;
    document.addPage({ size: 'A4', layout: landscape ? 'landscape' : 'portrait', margin });
    const boxWidth = document.page.width - 2 * margin;
    const boxHeight = document.page.height - 2 * margin;
    document.image(page.jpeg, margin, margin, { fit: [boxWidth, boxHeight], align: 'center', valign: 'center' });
  }
  document.end();
  return done;
}
