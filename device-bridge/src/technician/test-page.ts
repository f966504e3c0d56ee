import PDFDocument from 'pdfkit';

/** A one-page A4 test page (Helvetica, no personal data) for the A4 printer self-test. */
export function renderTestPage(facts: { kioskId: string; siteName: string; at: Date }): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const document = new PDFDocument({ size: 'A4', margin: 56, info: { Title: 'Tongban printer test page' } });
    const chunks: Buffer[] = [];
    document.on('data', (chunk: Buffer) => chunks.push(chunk));
    document.on('end', () => resolve(Buffer.concat(chunks)));
    document.on('error', reject);
    document.fontSize(28).text('Tongban kiosk - printer test page');
    document.moveDown().fontSize(14).text(`Kiosk: ${facts.kioskId}`);
    document.text(`Printed: ${facts.at.toISOString()}`);
    document.moveDown().text('If every line and the frame below are sharp and complete, the printer works.');
    // a frame near the printable edges shows clipping; grey steps show toner/density problems
    document
      .rect(40, 40, 595.28 - 80, 841.89 - 80)
      .lineWidth(1)
      .stroke();
    for (let step = 0; step < 10; step++) {
      const grey = Math.round((step / 9) * 255);
      document.rect(56 + step * 48, 420, 44, 44).fill([grey, grey, grey]);
    }
    document.end();
  });
}
