/**
 * Page bytes to text the way a browser decodes them (HTML Standard, "determining the character encoding"): a byte
 * order mark first, then the Content-Type charset, then a <meta charset> / http-equiv in the first 1,024 bytes.
 * With none of those, UTF-8 when the bytes are valid UTF-8, else windows-1252 (a browser's default for an
 * unlabelled page in most locales); an Arabic page saved as windows-1256 that declares it in <meta> decodes right.
 */

function charsetOfContentType(contentType: string | null): string | null {
  const match = /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(contentType ?? '');
  return match ? match[1]!.toLowerCase() : null;
}

function charsetOfBom(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  return null;
}

function charsetOfMeta(bytes: Uint8Array): string | null {
  // ASCII-compatible prescan: latin1 maps each byte to one character, so the tag text reads as written.
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  const match =
    /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head) ??
    /<meta[^>]+content\s*=\s*["'][^"']*charset\s*=\s*([\w.:-]+)/i.exec(head);
  if (!match) return null;
  const label = match[1]!.toLowerCase();
  // A <meta> cannot honestly name UTF-16 (the prescan would not have read it): the standard reads it as UTF-8.
  return label.startsWith('utf-16') ? 'utf-8' : label;
}

function decoderFor(label: string | null): TextDecoder | null {
  if (!label) return null;
  try {
    return new TextDecoder(label);
  } catch {
    return null; // an unknown label: go on to the next source
  }
}

/** The page's text, and the encoding it was read with. */
export function decodeHtml(bytes: Uint8Array, contentType: string | null): { text: string; charset: string } {
  const decoder =
    decoderFor(charsetOfBom(bytes)) ??
    decoderFor(charsetOfContentType(contentType)) ??
    decoderFor(charsetOfMeta(bytes));
  if (decoder) return { text: decoder.decode(bytes), charset: decoder.encoding };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), charset: 'utf-8' };
  } catch {
    return { text: new TextDecoder('windows-1252').decode(bytes), charset: 'windows-1252' };
  }
}
