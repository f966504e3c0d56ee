import { readFileSync } from 'node:fs';

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
 * The signing libraries (node-forge underneath) are loaded here, not at module load, so a kiosk
 * without PAdES never carries them; loading starts at once so the first certificate does not wait.
 */
export function createPadesSigner(options: PadesOptions): (pdf: Buffer) => Promise<Buffer> {
  const ready = loadSigning(options);
  // a bad bundle or passphrase surfaces on the first signature; keep it from being an unhandled rejection before that
  ready.catch(() => undefined);
  return async (pdf) => {
    const { sign, addPlaceholder } = await ready;
    return sign(
      addPlaceholder({
        pdfBuffer: pdf,
        reason: '政务服务证明出具',
        contactInfo: '',
        name: options.name,
        location: options.location,
        signatureLength: 6144,
      }),
    );
  };
}

async function loadSigning(options: PadesOptions) {
  const [{ SignPdf }, { plainAddPlaceholder }, { P12Signer }, { SUBFILTER_ETSI_CADES_DETACHED }] = await Promise.all([
    import('@signpdf/signpdf'),
    import('@signpdf/placeholder-plain'),
    import('@signpdf/signer-p12'),
    import('@signpdf/utils'),
  ]);
  const signer = new P12Signer(options.p12, { passphrase: options.passphrase });
  const signPdf = new SignPdf();
  return {
    sign: (pdf: Buffer) => signPdf.sign(pdf, signer),
    addPlaceholder: (input: Omit<Parameters<typeof plainAddPlaceholder>[0], 'subFilter'>) =>
      plainAddPlaceholder({ ...input, subFilter: SUBFILTER_ETSI_CADES_DETACHED }),
  };
}

/** From config.certificates.pades (file paths outside the repo); undefined when PAdES is not configured. */
export function padesSignerFromConfig(certificates: {
  issuer: string;
  pades?: { p12File: string; passphraseFile: string; location: string } | undefined;
}): ((pdf: Buffer) => Promise<Buffer>) | undefined {
  const pades = certificates.pades;
  if (!pades) return undefined;
  return createPadesSigner({
    p12: readFileSync(pades.p12File),
    passphrase: readFileSync(pades.passphraseFile, 'utf8').trim(),
    name: certificates.issuer,
    location: pades.location,
  });
}
