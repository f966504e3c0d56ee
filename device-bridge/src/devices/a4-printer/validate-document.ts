import { PrintFailedError, type PrintDocument } from '../device.ts';
import { isSafeJobId } from './print-out-file.ts';

/**
 * Why a document cannot print at all, checked before it reaches the printer. A PDF that is not a
 * PDF or claims no pages would otherwise sit in the queue or come out as garbage.
 */
export function documentProblem(document: PrintDocument): PrintFailedError | null {
  if (!isSafeJobId(document.jobId)) {
    return new PrintFailedError('invalid-document', `job id ${JSON.stringify(document.jobId)} is not a plain name`);
  }
  if (!Number.isInteger(document.pages) || document.pages < 1) {
    return new PrintFailedError('invalid-document', `job ${document.jobId}: page count must be a positive integer, got ${document.pages}`);
  }
  if (document.pdf.subarray(0, 5).toString('latin1') !== '%PDF-') {
    return new PrintFailedError('invalid-document', `job ${document.jobId}: the document is not a PDF`);
  }
  return null;
}
