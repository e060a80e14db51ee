import { NexusError } from '../errors.js';

/** The largest attachment accepted: 10 MB. */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

interface AllowedType {
  contentType: string;
  extensions: readonly string[];
}

/** The allowlist. The content decides the type; the file name's extension must agree with it. */
export const ALLOWED_TYPES = {
  png: { contentType: 'image/png', extensions: ['png'] },
  jpeg: { contentType: 'image/jpeg', extensions: ['jpg', 'jpeg'] },
  gif: { contentType: 'image/gif', extensions: ['gif'] },
  webp: { contentType: 'image/webp', extensions: ['webp'] },
  pdf: { contentType: 'application/pdf', extensions: ['pdf'] },
  docx: { contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', extensions: ['docx'] },
  xlsx: { contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', extensions: ['xlsx'] },
  csv: { contentType: 'text/csv', extensions: ['csv'] },
  text: { contentType: 'text/plain', extensions: ['txt', 'log', 'md'] },
} as const satisfies Record<string, AllowedType>;

export type AllowedKind = keyof typeof ALLOWED_TYPES;

const startsWith = (bytes: Uint8Array, signature: readonly number[], offset = 0): boolean =>
  bytes.length >= offset + signature.length && signature.every((b, i) => bytes[offset + i] === b);
const ascii = (text: string): number[] => [...text].map((c) => c.charCodeAt(0));

/** Does the ZIP's central content name an entry starting with `prefix`? Entry names are stored as plain bytes. */
function zipHasEntry(bytes: Uint8Array, prefix: string): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(prefix, 0, 'latin1');
}

function isUtf8Text(bytes: Uint8Array): boolean {
  if (bytes.includes(0)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** What the bytes are, by their magic numbers (and UTF-8 validity for text); null when not allowed. */
export function sniffContent(bytes: Uint8Array, extension: string): AllowedKind | null {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(bytes, ascii('GIF87a')) || startsWith(bytes, ascii('GIF89a'))) return 'gif';
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return 'webp';
  if (startsWith(bytes, ascii('%PDF-'))) return 'pdf';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    if (!zipHasEntry(bytes, '[Content_Types].xml')) return null;
    if (zipHasEntry(bytes, 'word/')) return 'docx';
    if (zipHasEntry(bytes, 'xl/')) return 'xlsx';
    return null;
  }
  if (isUtf8Text(bytes)) return extension === 'csv' ? 'csv' : 'text';
  return null;
}

/**
 * Keeps only the last path segment of a name and the characters that are safe everywhere, so a name
 * like `../../etc/passwd` or `C:\x\evil.exe` can never point anywhere but at itself.
 */
export function sanitizeFilename(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const cleaned = base
    .normalize('NFC')
    .replace(/[\p{Cc}\p{Cf}]/gu, '')
    .replace(/[^\p{L}\p{N} ._()+-]/gu, '_')
    .replace(/\s+/g, ' ')
    .replace(/^[.\s]+/, '')
    .trim();
  if (!cleaned) return 'file';
  if (cleaned.length <= 200) return cleaned;
  const dot = cleaned.lastIndexOf('.');
  const ext = dot > 0 && cleaned.length - dot <= 10 ? cleaned.slice(dot) : '';
  return cleaned.slice(0, 200 - ext.length) + ext;
}

const extensionOf = (filename: string): string => {
  const dot = filename.lastIndexOf('.');
  return dot > 0 ? filename.slice(dot + 1).toLowerCase() : '';
};

const allowedList = (): string => Object.values(ALLOWED_TYPES).flatMap((t) => t.extensions.map((e) => `.${e}`)).join(', ');

/** The refusal of a file over the limit; edges that know the size early (a file on disk) use it too. */
export function attachmentTooLarge(sizeBytes: number): NexusError {
  const mb = (sizeBytes / 1024 / 1024).toFixed(1);
  return new NexusError('PAYLOAD_TOO_LARGE', `The file is ${mb} MB; attachments may be at most 10 MB`, { hint: 'Compress the file or share a link to it instead.' });
}

/**
 * Checks an upload before anything is stored: size, allowed type by content, and a name whose
 * extension agrees with the content. Returns the sanitised name and the content type to store.
 */
export function checkUpload(filename: string, bytes: Uint8Array): { filename: string; contentType: string } {
  if (bytes.byteLength > MAX_ATTACHMENT_BYTES) throw attachmentTooLarge(bytes.byteLength);
  if (bytes.byteLength === 0) throw new NexusError('VALIDATION_FAILED', 'The file is empty', { details: [{ path: 'file', message: 'must not be empty' }] });
  const safeName = sanitizeFilename(filename);
  const extension = extensionOf(safeName);
  const kind = sniffContent(bytes, extension);
  if (!kind) {
    throw new NexusError('UNSUPPORTED_MEDIA_TYPE', `This type of file is not allowed (${safeName})`, { hint: `Allowed: ${allowedList()}. The file's content decides, not only its name.` });
  }
  const type: AllowedType = ALLOWED_TYPES[kind];
  if (!type.extensions.includes(extension)) {
    throw new NexusError('UNSUPPORTED_MEDIA_TYPE', `The content of ${safeName} is ${kind.toUpperCase()}, which does not match its name`, {
      hint: `Name the file with ${type.extensions.map((e) => `.${e}`).join(' or ')}.`,
    });
  }
  return { filename: safeName, contentType: type.contentType };
}
