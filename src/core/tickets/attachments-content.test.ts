import { describe, expect, it } from 'vitest';
import { NexusError } from '../errors.js';
import { checkUpload, MAX_ATTACHMENT_BYTES, sanitizeFilename, sniffContent } from './attachments-content.js';
import { bytes, SAMPLES } from '../../../test/support/catalogue-fixtures.js';

function refusal(fn: () => unknown): NexusError {
  try {
    fn();
  } catch (error) {
    return error as NexusError;
  }
  throw new Error('expected a refusal');
}

describe('sniffing content', () => {
  it.each([
    ['png', 'a.png', 'image/png'],
    ['jpeg', 'a.JPG', 'image/jpeg'],
    ['gif', 'a.gif', 'image/gif'],
    ['webp', 'a.webp', 'image/webp'],
    ['pdf', 'invoice.pdf', 'application/pdf'],
    ['docx', 'letter.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    ['xlsx', 'sheet.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    ['text', 'notes.txt', 'text/plain'],
    ['text', 'export.csv', 'text/csv'],
  ] as const)('accepts %s named %s as %s', (kind, name, type) => {
    expect(checkUpload(name, SAMPLES[kind])).toEqual({ filename: name, contentType: type });
  });

  it.each([
    ['an ELF binary named .txt', bytes([0x7f], 'ELF', [2, 1, 1, 0]), 'run.txt'],
    ['a Windows executable', bytes('MZ', [0x90, 0, 3, 0, 0, 0]), 'setup.exe'],
    ['text with a NUL byte', bytes('abc', [0], 'def'), 'a.txt'],
    ['invalid UTF-8', bytes([0xc3, 0x28]), 'a.txt'],
    ['a plain ZIP', bytes([0x50, 0x4b, 0x03, 0x04], 'payload.bin'), 'archive.zip'],
    ['a PDF named .png', SAMPLES.pdf, 'photo.png'],
    ['a PNG named .pdf', SAMPLES.png, 'doc.pdf'],
    ['HTML named .exe', new TextEncoder().encode('<script>alert(1)</script>'), 'x.exe'],
    ['text named .html', new TextEncoder().encode('<script>alert(1)</script>'), 'x.html'],
    ['a name without an extension', SAMPLES.png, 'README'],
  ])('refuses %s as UNSUPPORTED_MEDIA_TYPE', (_what, content, name) => {
    const error = refusal(() => checkUpload(name, content));
    expect(error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    expect(error.hint).toBeTruthy();
  });

  it('refuses anything over 10 MB as PAYLOAD_TOO_LARGE, and accepts exactly 10 MB', () => {
    const big = new Uint8Array(MAX_ATTACHMENT_BYTES + 1).fill(0x61);
    const error = refusal(() => checkUpload('big.txt', big));
    expect(error).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', message: 'The file is 10.0 MB; attachments may be at most 10 MB' });
    expect(checkUpload('max.txt', big.subarray(0, MAX_ATTACHMENT_BYTES)).contentType).toBe('text/plain');
  });

  it('refuses an empty file', () => {
    expect(refusal(() => checkUpload('a.txt', new Uint8Array())).code).toBe('VALIDATION_FAILED');
  });

  it('does not call a docx-shaped zip without [Content_Types].xml a document', () => {
    expect(sniffContent(bytes([0x50, 0x4b, 0x03, 0x04], 'word/document.xml'), 'docx')).toBeNull();
  });
});

describe('sanitising file names', () => {
  it.each([
    ['../../etc/passwd', 'passwd'],
    ['..\\..\\windows\\system32\\evil.txt', 'evil.txt'],
    ['/abs/path/report.pdf', 'report.pdf'],
    ['.hidden.txt', 'hidden.txt'],
    ['..', 'file'],
    ['', 'file'],
    ['a\u0000b\u202e.txt', 'ab.txt'],
    ['what?*<>|:".txt', 'what_______.txt'],
    ['Grüße (1).txt', 'Grüße (1).txt'],
  ])('%j becomes %j', (input, expected) => {
    expect(sanitizeFilename(input)).toBe(expected);
  });

  it('keeps the extension when cutting a long name to 200 characters', () => {
    const name = sanitizeFilename(`${'x'.repeat(300)}.pdf`);
    expect(name).toHaveLength(200);
    expect(name.endsWith('.pdf')).toBe(true);
  });
});
