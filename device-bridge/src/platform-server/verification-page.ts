import { certificateTypeSchema, certificateTypes } from '../api/index.ts';
import { claimedKeyId, keyIdOf, verifySignedQr } from '../documents/qr-signature.ts';
import type { Platform } from '../platform/platform.ts';
import type { QrKeyring } from './keyring.ts';

const escapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const html = (text: string) => text.replace(/[&<>"']/g, (character) => escapes[character]!);

const typeTitles: Record<string, string> = {
  'social-insurance-contribution': '社会保险参保缴费证明',
  'individual-income-tax': '个人所得税纳税记录',
  'real-estate-registration': '不动产登记信息查询结果',
  'housing-provident-fund': '住房公积金缴存证明',
  'household-registration': '户籍证明',
};

function layout(title: string, body: string, helpPhone: string): string {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${html(title)}</title><style>
body{font-family:"Noto Sans SC","PingFang SC","Microsoft YaHei",sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;line-height:1.6;color:#1a1a1a}
h1{font-size:1.4rem}.verdict{padding:1rem 1.2rem;border-radius:.5rem;font-size:1.2rem;font-weight:bold}
.genuine{background:#e6f4ea;border:2px solid #1e7e34}.false{background:#fdecea;border:2px solid #b3261e}.warn{background:#fff4e5;border:2px solid #b26a00}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.3rem 1rem}dt{color:#555}label{display:block;margin-top:.8rem}
input{font-size:1.1rem;padding:.4rem;width:100%;box-sizing:border-box}button{margin-top:1rem;font-size:1.1rem;padding:.5rem 1.5rem}
footer{margin-top:2rem;color:#555;font-size:.9rem}</style></head><body>${body}
<footer>通办 证明核验 · 如有疑问请致电 ${html(helpPhone)} · Certificate verification</footer></body></html>`;
}

function form(number = '', message = ''): string {
  return `<h1>证明核验 Certificate verification</h1>${message}
<p>请输入证明上的编号和验证码。Enter the number and the verification code printed on the certificate.</p>
<form method="get" action="/verify"><label>证明编号 Number<input name="no" value="${html(number)}" required maxlength="64" autocomplete="off"></label>
<label>验证码 Verification code<input name="code" required maxlength="64" autocomplete="off"></label><button type="submit">核验 Verify</button></form>`;
}

/**
 * What a bank clerk sees after scanning the QR code or typing number + code: genuine or not, which
 * certificate, issued when, valid until, for whom (masked). The platform's record decides; a QR
 * signature, when present, must also verify against a known kiosk key and agree with the record.
 */
export async function verificationPage(
  platform: Platform,
  keyring: QrKeyring,
  /** the full URL as opened, which is the signed text plus &sig= */
  fullUrl: string,
  query: Record<string, unknown>,
  helpPhone: string,
  /** YYYY-MM-DD in China time: a certificate valid until today is still valid */
  today: string,
): Promise<string> {
  const text = (name: string) => (typeof query[name] === 'string' ? (query[name] as string).trim() : '');
  const number = text('no');
  const code = text('code');
  if (!number || !code) return layout('证明核验', form(number), helpPhone);

  const notGenuine = (why: string) =>
    layout(
      '未通过核验',
      `<h1>证明核验结果</h1><p class="verdict false">✗ 未通过核验 — NOT verified</p><p>${why}</p>${form(number)}`,
      helpPhone,
    );

  const issued = await platform.verifyCertificate(number, code);
  if (!issued)
    return notGenuine(
      '没有与该编号和验证码相符的证明。请核对输入；如证明来自二维码，该证明可能被伪造或篡改。No certificate matches this number and code.',
    );

  let signatureLine = '<dt>二维码签名</dt><dd>未提供（手工输入核验）</dd>';
  if (text('sig')) {
    // a QR names the key that signed it (kid); one printed before kids were added is tried with every key
    const known = keyring.keys();
    const kid = claimedKeyId(fullUrl);
    const checks = known.filter((key) => kid === null || keyIdOf(key) === kid).map((key) => verifySignedQr(fullUrl, key));
    const valid = checks.find((check) => check.valid);
    if (known.length === 0) {
      signatureLine = '<dt>二维码签名</dt><dd>本核验点没有签发终端的公钥，未校验签名</dd>';
    } else if (!valid || !valid.valid) {
      return notGenuine('二维码签名不正确：二维码内容被改动过，或不是由登记的自助终端签发。The QR signature does not verify.');
    } else {
      const fields = valid.fields;
      const agrees =
        fields.number.toUpperCase() === issued.number &&
        fields.maskedIdNumber === issued.maskedIdNumber &&
        (fields.maskedName === undefined || fields.maskedName === issued.maskedHolderName) &&
        (!fields.type || fields.type === issued.type);
      if (!agrees) return notGenuine('二维码中的信息与平台登记的证明不一致。The QR content disagrees with the issued record.');
      signatureLine = `<dt>二维码签名</dt><dd>有效（Ed25519${kid ? `，密钥 ${html(kid)}` : ''}）</dd>${
        fields.contentDigest ? `<dt>内容摘要</dt><dd>${html(fields.contentDigest)}</dd>` : ''
      }`;
    }
  }

  const type = certificateTypeSchema.safeParse(issued.type);
  const title = type.success ? (typeTitles[type.data] ?? type.data) : issued.type;
  const validUntil = issued.validUntil.slice(0, 10);
  const expired = validUntil < today;
  const verdict = expired
    ? `<p class="verdict warn">✓ 证明真实，但已超过有效期 — Genuine, but past its validity</p>`
    : `<p class="verdict genuine">✓ 证明真实有效 — Genuine</p>`;
  return layout(
    '证明真实',
    `<h1>证明核验结果</h1>${verdict}<dl>
<dt>证明名称</dt><dd>${html(title)}</dd><dt>证明编号</dt><dd>${html(issued.number)}</dd>
<dt>持证人</dt><dd>${html(issued.maskedHolderName)}</dd><dt>身份证号</dt><dd>${html(issued.maskedIdNumber)}</dd>
<dt>出具时间</dt><dd>${html(issued.issuedAt)}</dd><dt>有效期至</dt><dd>${html(validUntil)}</dd>${signatureLine}</dl>
<p>请将以上信息与纸质证明逐项核对。Compare each item with the paper.</p>`,
    helpPhone,
  );
}

export const knownCertificateTypes = certificateTypes;
