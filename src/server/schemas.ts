import { z } from 'zod';
import { ERRORS } from '../core/errors.js';

/** The one error envelope of every 4xx/5xx answer. */
export const errorEnvelope = z
  .object({
    error: z.object({
      code: z.enum(Object.keys(ERRORS) as [keyof typeof ERRORS, ...(keyof typeof ERRORS)[]]),
      message: z.string(),
      details: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
    }),
  })
  .meta({ id: 'Error' });

/** The error answers a route can give, for the OpenAPI document. */
export const errors = (...statuses: number[]) => Object.fromEntries(statuses.map((s) => [s, errorEnvelope])) as Record<number, typeof errorEnvelope>;

export const userSchema = z
  .object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    role: z.enum(['customer', 'agent', 'admin']),
    isDisabled: z.boolean(),
    hasPassword: z.boolean(),
    createdAt: z.string(),
  })
  .meta({ id: 'User' });

export const tokenPairSchema = z
  .object({
    tokenType: z.literal('Bearer'),
    accessToken: z.string(),
    accessTokenExpiresAt: z.string(),
    refreshToken: z.string(),
    refreshTokenExpiresAt: z.string(),
    user: userSchema,
  })
  .meta({ id: 'TokenPair' });

export const personSchema = z.object({ id: z.string(), email: z.string(), name: z.string() });

/** A ticket number in a path: digits only, so `../x`, ` 12` or `1e3` never reach the core. */
export const ticketNumber = z
  .string()
  .regex(/^[1-9]\d{0,9}$/, 'must be a ticket number, e.g. 1042')
  .transform(Number)
  .pipe(z.number().max(2_147_483_647, 'is not a ticket number'));
export const ticketParams = z.strictObject({ number: ticketNumber });
export const uuidParam = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, 'must be an id (uuid)');

export const ticketSchema = z
  .object({
    number: z.number(),
    subject: z.string(),
    context: z.string().nullable(),
    status: z.enum(['open', 'pending', 'escalated', 'assigned', 'closed']),
    priority: z.enum(['low', 'medium', 'high', 'urgent']),
    source: z.enum(['web', 'email', 'api', 'cli']),
    customer: personSchema,
    assignee: personSchema.nullable(),
    aiEnabled: z.boolean(),
    createdAt: z.string(),
    updatedAt: z.string(),
    firstResponseAt: z.string().nullable(),
    lastResponseAt: z.string().nullable(),
    resolvedAt: z.string().nullable(),
    deletedAt: z.string().nullable(),
  })
  .meta({ id: 'Ticket' });

/** A ticket in a list: `snippet` is the excerpt a search matched, matched words in **…**; null when not searching. */
export const listedTicketSchema = ticketSchema.extend({ snippet: z.string().nullable() }).meta({ id: 'ListedTicket' });

/** Staff only, on a ticket's thread: how the desk filed it and the time spent on it. */
export const ticketWorkSchema = z.object({
  tags: z.array(z.string()),
  category: z.string().nullable(),
  time: z.object({ totalMinutes: z.number().int(), billableMinutes: z.number().int() }),
});

export const messageSchema = z
  .object({ id: z.string(), kind: z.enum(['customer', 'agent', 'ai', 'system', 'internal']), author: personSchema.nullable(), body: z.string(), createdAt: z.string() })
  .meta({ id: 'Message' });

export const aiOutcomeSchema = z
  .object({
    status: z.enum(['replied', 'queued', 'rate_limited', 'human_assigned', 'disabled', 'handed_off']),
    message: messageSchema.optional(),
    waitSeconds: z.number().optional(),
    reason: z.string().optional(),
  })
  .meta({ id: 'AiOutcome', description: 'What the AI did with the customer message (replied, queued, …)' });

export const attachmentSchema = z
  .object({ id: z.string(), ticket: z.number(), messageId: z.string().nullable(), filename: z.string(), contentType: z.string(), sizeBytes: z.number(), sha256: z.string(), uploadedBy: personSchema.nullable(), createdAt: z.string() })
  .meta({ id: 'Attachment' });

/** A JSON document whose full shape is defined by the core use case (history, stats, catalogues). */
export const documentSchema = z.record(z.string(), z.unknown());
