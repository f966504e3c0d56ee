/**
 * The ID card's photo is 1024 bytes of proprietary "WLT" compressed data. Only
 * licensed vendor libraries (libwlt2bmp.so, WltRS.dll, termb.dll…) decode it; there is no open
 * decoder. So the bridge keeps the bytes opaque and decodes through this plug: a site with a vendor
 * library names its command in `face.photoDecoder` (face/command-photo-decoder.ts); without one
 * there is no decoder at all (null), so no photo and no face check — never invented or guessed.
 *
 * The WLT bytes and anything decoded from them are personal data: bridge memory only, for one
 * session, never sent to the UI, never logged, wiped at session end.
 */
export interface DecodedPhoto {
  /** an encoded image: JPEG or PNG */
  format: 'jpeg' | 'png';
  bytes: Uint8Array;
  /** real cards decode to 102 × 126 pixels */
  width: number;
  height: number;
}

export interface PhotoDecoder {
  /** decodes a card's WLT photo; null when it cannot (corrupt data, the vendor tool failed) */
  decode(wlt: Uint8Array): Promise<DecodedPhoto | null>;
}

/** Size of the WLT photo field in a read-fixed-info answer (GA/T 467). */
export const wltPhotoBytes = 1024;
