import { z } from 'zod';

/**
 * The one JSON contract (issue 8): the documents the CLI prints under `--json` and the API answers.
 * camelCase keys, `null` for absent values (never `""`, never a missing key), every list
 * `{items, nextCursor}`, and one full document per resource. The server's OpenAPI document and the
 * contract test (test/e2e/json-contract.test.ts) use these schemas.
 */

export const personSchema = z
  .object({ id: z.string(), email: z.string().nullable(), name: z.string().nullable() })
  .meta({ id: 'Person', description: 'Someone on a ticket. A customer sees staff by name only: `email` is null.' });

export const TICKET_STATUS_VALUES = ['open', 'pending', 'escalated', 'assigned', 'closed'] as const;
export const TICKET_PRIORITY_VALUES = ['low', 'medium', 'high', 'urgent'] as const;

export const ticketSchema = z
  .object({
    number: z.number(),
    subject: z.string(),
    context: z.string().nullable(),
    status: z.enum(TICKET_STATUS_VALUES),
    priority: z.enum(TICKET_PRIORITY_VALUES),
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
    sla: z.object({ state: z.enum(['none', 'running', 'paused', 'met', 'breached']), dueAt: z.string().nullable() }).nullable(),
  })
  .meta({ id: 'Ticket' });

/** A ticket in a list: `snippet` is the excerpt a search matched, matched words in **…**; null when not searching. */
export const listedTicketSchema = ticketSchema.extend({ snippet: z.string().nullable() }).meta({ id: 'ListedTicket' });

export const messageSchema = z
  .object({
    id: z.string(),
    kind: z.enum(['customer', 'agent', 'ai', 'system', 'internal']),
    author: personSchema.nullable(),
    body: z.string(),
    visibleToCustomer: z.boolean(),
    createdAt: z.string(),
  })
  .meta({ id: 'Message' });

export const userSchema = z
  .object({
    id: z.string(),
    email: z.string(),
    name: z.string().nullable(),
    role: z.enum(['customer', 'agent', 'admin']),
    isDisabled: z.boolean(),
    hasPassword: z.boolean(),
    createdAt: z.string(),
  })
  .meta({ id: 'User' });

export const attachmentSchema = z
  .object({
    id: z.string(),
    ticketNumber: z.number(),
    messageId: z.string().nullable(),
    filename: z.string(),
    contentType: z.string(),
    sizeBytes: z.number(),
    sha256: z.string(),
    uploadedBy: personSchema.nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'Attachment' });

/** Every list: the items of this page and the cursor of the next one (null on the last page). */
export const listOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), nextCursor: z.string().nullable() });

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** A whole list as one page (lists short enough to return at once, e.g. the tag catalogue). */
export const onePage = <T>(items: T[]): Page<T> => ({ items, nextCursor: null });

/** Paging by position for short admin lists (users, traces): the cursor names the next offset. */
export const offsetCursor = {
  encode: (offset: number): string => Buffer.from(JSON.stringify({ o: offset })).toString('base64url'),
  decode(cursor: string | undefined): number | null {
    if (cursor === undefined) return 0;
    try {
      const o: unknown = (JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { o?: unknown }).o;
      return typeof o === 'number' && Number.isSafeInteger(o) && o >= 0 ? o : null;
    } catch {
      return null;
    }
  },
};

/** The page of `rows` (fetched with `limit + 1`) starting at `offset`. */
export function pageAt<T>(rows: T[], limit: number, offset: number): Page<T> {
  return { items: rows.slice(0, limit), nextCursor: rows.length > limit ? offsetCursor.encode(offset + limit) : null };
}

/** Staff only, on a ticket's thread: how the desk filed it and the time spent on it. */
export const ticketWorkSchema = z.object({
  tags: z.array(z.string()),
  category: z.string().nullable(),
  time: z.object({ totalMinutes: z.number().int(), billableMinutes: z.number().int() }),
});

/** `tickets view` / `GET /v1/tickets/{number}`: the ticket document and its thread. */
export const threadSchema = z.object({ ticket: ticketSchema, messages: z.array(messageSchema), work: ticketWorkSchema.optional() });

export const tagSchema = z.object({ id: z.string(), name: z.string(), color: z.string().nullable(), ticketCount: z.number().int(), createdAt: z.string() }).meta({ id: 'Tag' });
export const categorySchema = z
  .object({ id: z.string(), name: z.string(), description: z.string().nullable(), ticketCount: z.number().int(), createdAt: z.string() })
  .meta({ id: 'Category' });

/** A failure, in the CLI under `--json` (with `hint`) and in the API alike. */
export const errorDocumentSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    hint: z.string().optional(),
    details: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  }),
});
