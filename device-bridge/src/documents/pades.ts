import { readFileSync } from 'node:fs';
import { SignPdf } from '@signpdf/signpdf';
import { plainAddPlaceholder } from '@signpdf/placeholder-plain';
import { P12Signer } from '@signpdf/signer-p12';
import { SUBFILTER_ETSI_CADES_DETACHED } from '@signpdf/utils';

export interface PadesOptions {
  /** PKCS#12 bundle (key + certificate of the issuing body), kept outside the repository */
  p12: Buffer;
  passphrase: string;
  /** signer name shown by PDF readers, e.g. the issuing body */
  name: string;
  location: string;
}

/**
 * PAdES signature of the whole certificate PDF (ETSI.CAdES.detached), checkable with standard
 * tools (`pdfsig` from poppler-utils, Adobe Reader). The PKCS#12 bundle is parsed once: node-forge
 * takes hundreds of milliseconds per parse. The placeholder is sized for an RSA-2048/3072 chain.
 */
export function createPadesSigner(options: PadesOptions): (pdf: Buffer) => Promise<Buffer> {
  const signer = new P12Signer(options.p12, { passphrase: options.passphrase });
  const signPdf = new SignPdf();
  return async (pdf) => {
    const withPlaceholder = plainAddPlaceholder({
      pdfBuffer: pdf,
      reason: '政务服务证明出具',
      contactInfo: '',
      name: options.name,
      location: options.location,
      subFilter: SUBFILTER_ETSI_CADES_DETACHED,
      signatureLength: 6144,
    });
    return signPdf.sign(withPlaceholder, signer);
  };
}

/** From config.certificates.pades (file paths outside the repo); undefined when PAdES is not configured. */
export function padesSignerFromConfig(
  certificates: { issuer: string; pades?: { p12File: string; passphraseFile: string; location: string } | undefined },
): ((pdf: Buffer) => Promise<Buffer>) | undefined {
  const pades = certificates.pades;
  if (!pades) return undefined;
  return createPadesSigner({
    p12: readFileSync(pades.p12File),
    passphrase: readFileSync(pades.passphraseFile, 'utf8').trim(),
    name: certificates.issuer,
    location: pades.location,
  });
}
