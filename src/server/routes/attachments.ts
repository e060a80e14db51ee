import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { isNexusError, NexusError } from '../../core/errors.js';
import type { Services } from '../../core/services.js';
import { actorOf } from '../plugins/authenticate.js';
import { attachmentSchema, listOf, documentSchema, errors, ticketParams, uuidParam } from '../schemas.js';

export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
const attachmentParams = z.strictObject({ number: ticketParams.shape.number, attachmentId: uuidParam });

/** RFC 6266 / 5987: an ASCII fallback plus the exact UTF-8 name. */
function contentDisposition(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

/** Reads the one file of a multipart body; a broken body (cut off, bad boundary) is the client's error. */
async function readUpload(request: FastifyRequest) {
  try {
    const file = await request.file();
    if (!file || file.fieldname !== 'file') {
      throw new NexusError('VALIDATION_FAILED', 'A file in the field `file` is required', { details: [{ path: 'body.file', message: 'is required' }] });
    }
    const bytes = await file.toBuffer();
    if (file.file.truncated) throw new NexusError('PAYLOAD_TOO_LARGE', `The file is larger than ${MAX_UPLOAD_BYTES / 1024 / 1024} MiB`);
    return { file, bytes };
  } catch (error) {
    if (isNexusError(error) || (typeof (error as { code?: unknown }).code === 'string' && (error as { code: string }).code.startsWith('FST_'))) throw error;
    throw new NexusError('VALIDATION_FAILED', `The multipart body is malformed: ${(error as Error).message}`.slice(0, 300));
  }
}

/** Attachments: multipart upload (one file, 10 MiB), list, download, delete. */
export async function attachmentRoutes(app: FastifyInstance, services: Services): Promise<void> {
  // Encapsulated: only these routes parse multipart; JSON routes answer it with 415.
  await app.register(async (scope) => {
    await scope.register(multipart, { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 4, parts: 5, fieldSize: 1024, headerPairs: 50 } });
    routes(scope, services);
  });
}

function routes(app: FastifyInstance, services: Services): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['attachments'];
  r.post(
    '/v1/tickets/:number/attachments',
    {
      schema: {
        tags,
        summary: 'Upload a file (multipart/form-data, field `file`; optional field `messageId`)',
        consumes: ['multipart/form-data'],
        params: ticketParams,
        response: { 201: attachmentSchema, ...errors(400, 401, 404, 413, 415) },
      },
    },
    async (request, reply) => {
      if (!request.isMultipart()) throw new NexusError('UNSUPPORTED_MEDIA_TYPE', 'Send the file as multipart/form-data in a field named `file`');
      const { file, bytes } = await readUpload(request);
      const field = file.fields.messageId;
      const messageId = field && !Array.isArray(field) && field.type === 'field' && typeof field.value === 'string' ? field.value : undefined;
      const attachment = await services.tickets.uploadAttachment(actorOf(request), { ticket: request.params.number, filename: file.filename, bytes: new Uint8Array(bytes), messageId });
      return reply.code(201).send(attachment);
    },
  );
  r.get(
    '/v1/tickets/:number/attachments',
    { schema: { tags, summary: 'List the attachments of a ticket', params: ticketParams, response: { 200: listOf(attachmentSchema), ...errors(400, 401, 404) } } },
    async (request) => services.tickets.listAttachments(actorOf(request), { ticket: request.params.number }),
  );
  r.get(
    '/v1/tickets/:number/attachments/:attachmentId',
    {
      schema: {
        tags,
        summary: 'Download a file (always as an attachment, never rendered inline)',
        params: attachmentParams,
        produces: ['application/octet-stream'],
        response: { 200: z.string().meta({ description: 'The file, with its own Content-Type', format: 'binary' }), ...errors(400, 401, 404) },
      },
    },
    async (request, reply) => {
      const { attachment, bytes } = await services.tickets.downloadAttachment(actorOf(request), { ticket: request.params.number, attachmentId: request.params.attachmentId });
      return reply
        .type(attachment.contentType)
        .header('content-disposition', contentDisposition(attachment.filename))
        .header('cache-control', 'private, no-store')
        .send(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as never);
    },
  );
  r.delete(
    '/v1/tickets/:number/attachments/:attachmentId',
    { schema: { tags, summary: 'Delete a file', params: attachmentParams, response: { 200: documentSchema, ...errors(400, 401, 403, 404) } } },
    async (request) => services.tickets.deleteAttachment(actorOf(request), { ticket: request.params.number, attachmentId: request.params.attachmentId }) as never,
  );
}
