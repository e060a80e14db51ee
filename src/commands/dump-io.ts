import { createReadStream, createWriteStream, renameSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { createGunzip, createGzip } from 'node:zlib';
import type { DumpRecord } from '../core/backup/desk-dump.js';
import { NexusError } from '../core/errors.js';
import type { CliContext } from './context.js';

/** Besides the desk dump, a backup of an embedded desk carries its secret key file. */
export type BackupRecord = DumpRecord | { type: 'file'; name: 'secret.key'; base64: string };

/** Progress on stderr, rewritten in place: on when asked, or by default when stderr is a terminal. */
export function progressPrinter(ctx: CliContext, wanted: boolean | undefined): ((done: { table?: string; rows: number; blobs: number }) => void) | undefined {
  const isTty = Boolean((ctx.io.stderr as { isTTY?: boolean }).isTTY);
  if (!(wanted ?? isTty)) return undefined;
  return ({ table, rows, blobs }) => ctx.io.stderr.write(`${isTty ? '\r' : ''}${rows} rows, ${blobs} attachments${table ? ` (${table})` : ''}${isTty ? '   ' : '\n'}`);
}

/** A JSON Lines writer to a file (written to a temporary name, renamed when complete) or stdout. */
export async function openDumpWriter(ctx: CliContext, file: string | undefined, gzip: boolean) {
  const temp = file ? `${file}.partial-${process.pid}` : undefined;
  const out: Writable = temp ? createWriteStream(temp, { mode: 0o600 }) : (ctx.io.stdout as unknown as Writable);
  const zip = gzip ? createGzip() : undefined;
  if (zip) zip.pipe(out);
  const sink: Writable = zip ?? out;
  return {
    async write(record: BackupRecord) {
      if (!sink.write(`${JSON.stringify(record)}\n`)) await once(sink, 'drain');
    },
    async finish() {
      if (!temp) return;
      sink.end();
      await once(out, 'finish');
      renameSync(temp, file!);
    },
    abort() {
      if (temp) rmSync(temp, { force: true });
    },
  };
}

/** The records of a dump file (plain JSON Lines, or gzip — recognised by its first bytes). */
export async function* readDump(file: string, stdin?: Readable): AsyncIterable<BackupRecord> {
  if (file === '-' && stdin) {
    yield* parseLines(stdin, 'stdin');
    return;
  }
  const head = await new Promise<Buffer>((resolve, reject) => {
    const s = createReadStream(file, { start: 0, end: 1 });
    const chunks: Buffer[] = [];
    s.on('data', (c) => chunks.push(c as Buffer));
    s.on('end', () => resolve(Buffer.concat(chunks)));
    s.on('error', (error: NodeJS.ErrnoException) =>
      reject(error.code === 'ENOENT' ? new NexusError('NOT_FOUND', `No such file: ${file}`) : error),
    );
  });
  let input: Readable = createReadStream(file);
  if (head[0] === 0x1f && head[1] === 0x8b) input = input.pipe(createGunzip());
  yield* parseLines(input, file);
}

async function* parseLines(input: Readable, file: string): AsyncIterable<BackupRecord> {
  let line = 0;
  for await (const text of createInterface({ input, crlfDelay: Infinity })) {
    line++;
    if (!text.trim()) continue;
    try {
      yield JSON.parse(text) as BackupRecord;
    } catch {
      throw new NexusError('VALIDATION_FAILED', `${file}, line ${line}: not a JSON record`, { hint: 'Is this a file written by `nexus export` or `nexus backup`?' });
    }
  }
}

/** The dump records, with a backup's secret key file written into an embedded data folder that has none. */
export async function* withSecretKey(records: AsyncIterable<BackupRecord>, dataDir: string | undefined): AsyncIterable<DumpRecord> {
  for await (const record of records) {
    if (record.type !== 'file') {
      yield record;
      continue;
    }
    if (!dataDir) continue;
    const { existsSync, writeFileSync } = await import('node:fs');
    const path = (await import('node:path')).join(dataDir, record.name);
    if (!existsSync(path)) writeFileSync(path, Buffer.from(record.base64, 'base64'), { mode: 0o600 });
  }
}
