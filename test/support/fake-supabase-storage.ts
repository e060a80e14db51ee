import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

interface StoredObject {
  bytes: Buffer;
  contentType: string;
}

/**
 * A local stand-in for the Supabase Storage API, enough for the storage client: upload (POST/PUT),
 * download (GET), delete (DELETE of one path, or of many via `{ prefixes }`). `sign/` and `list/`
 * routes are matched before the generic object route, as in the real service. Every request is
 * checked for the service-role key. Listens on 127.0.0.1 on a free port.
 */
export class FakeSupabaseStorage {
  readonly objects = new Map<string, StoredObject>();
  readonly requests: { method: string; path: string }[] = [];
  /** Answer every request with this status (to test upstream failures). */
  failWith?: number;
  private server?: Server;
  url = '';

  constructor(readonly serviceRoleKey = 'service-role-key-for-tests', readonly buckets = ['attachments']) {}

  async start(): Promise<this> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve, reject) => (this.server ? this.server.close((e) => (e ? reject(e) : resolve())) : resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const path = decodeURIComponent(url.pathname);
    this.requests.push({ method: req.method ?? '', path });
    const body = await readBody(req);
    const reply = (status: number, json: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(json));
    };
    if (this.failWith) return reply(this.failWith, { statusCode: String(this.failWith), error: 'failure', message: 'Injected failure' });
    if (req.headers.authorization !== `Bearer ${this.serviceRoleKey}` || req.headers.apikey !== this.serviceRoleKey) {
      return reply(403, { statusCode: '403', error: 'Unauthorized', message: 'Invalid key' });
    }
    if (path.startsWith('/storage/v1/object/sign/') || path.startsWith('/storage/v1/object/list/')) {
      return reply(501, { statusCode: '501', error: 'not_implemented', message: 'Not implemented by the fake' });
    }
    const match = /^\/storage\/v1\/object\/([^/]+)(?:\/(.+))?$/.exec(path);
    if (!match) return reply(404, { statusCode: '404', error: 'not_found', message: 'Route not found' });
    const [, bucket, objectPath] = match as unknown as [string, string, string | undefined];
    if (!this.buckets.includes(bucket)) return reply(404, { statusCode: '404', error: 'Bucket not found', message: 'Bucket not found' });
    const key = `${bucket}/${objectPath ?? ''}`;
    switch (req.method) {
      case 'POST':
      case 'PUT': {
        if (!objectPath) return reply(400, { statusCode: '400', error: 'invalid', message: 'Missing path' });
        const upsert = req.method === 'PUT' || req.headers['x-upsert'] === 'true';
        if (this.objects.has(key) && !upsert) return reply(409, { statusCode: '409', error: 'Duplicate', message: 'The resource already exists' });
        this.objects.set(key, { bytes: body, contentType: String(req.headers['content-type'] ?? 'application/octet-stream') });
        return reply(200, { Id: key, Key: key });
      }
      case 'GET': {
        const object = objectPath ? this.objects.get(key) : undefined;
        if (!object) return reply(400, { statusCode: '404', error: 'not_found', message: 'Object not found' });
        res.writeHead(200, { 'content-type': object.contentType, 'content-length': object.bytes.length });
        res.end(object.bytes);
        return;
      }
      case 'DELETE': {
        const paths = objectPath ? [objectPath] : ((JSON.parse(body.toString('utf8') || '{}') as { prefixes?: string[] }).prefixes ?? []);
        const removed = paths.filter((p) => this.objects.delete(`${bucket}/${p}`));
        return reply(200, removed.map((name) => ({ name, bucket_id: bucket })));
      }
      default:
        return reply(405, { statusCode: '405', error: 'method', message: 'Method not allowed' });
    }
  }
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
