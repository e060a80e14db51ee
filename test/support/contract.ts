import type { z } from 'zod';

/** Keys whose children are data, not contract keys (a settings map names settings as `ai.apiKey`). */
const FREE_MAPS = new Set(['settings', 'values', 'sources', 'byStatus', 'byPriority', 'counts']);
/** Plural names that, holding an array at the top of a document, are a list outside the envelope. */
const COLLECTIONS = ['tickets', 'tags', 'categories', 'users', 'attachments', 'entries', 'traces', 'events', 'mails'];
const CAMEL = /^[a-z][a-zA-Z0-9]*$/;

/**
 * What the one JSON contract forbids, anywhere in a document: a bare array at the top, a list outside
 * `{items, nextCursor}`, a key that is not camelCase, and `""` standing for an absent value.
 */
export function contractViolations(doc: unknown): string[] {
  const out: string[] = [];
  if (Array.isArray(doc)) out.push('$: a bare array (lists are {"items": [...], "nextCursor": ...})');
  if (doc && typeof doc === 'object' && !Array.isArray(doc)) {
    // A list of resources (objects) outside the envelope; a resource's own list of names (a ticket's tags) is an attribute.
    for (const key of COLLECTIONS) {
      const value = (doc as Record<string, unknown>)[key];
      if (Array.isArray(value) && value.some((v) => v !== null && typeof v === 'object')) out.push(`$.${key}: a list outside the {items, nextCursor} envelope`);
    }
  }
  const walk = (value: unknown, path: string, freeKeys: boolean): void => {
    if (value === '') out.push(`${path}: "" (absent values are null)`);
    if (Array.isArray(value)) value.forEach((item, i) => walk(item, `${path}[${i}]`, false));
    else if (value && typeof value === 'object') {
      const record = value as Record<string, unknown>;
      if ('items' in record && !('nextCursor' in record)) out.push(`${path}: items without nextCursor`);
      if ('nextCursor' in record && record.nextCursor !== null && typeof record.nextCursor !== 'string') out.push(`${path}.nextCursor: neither a string nor null`);
      for (const [key, child] of Object.entries(record)) {
        if (!freeKeys && !CAMEL.test(key)) out.push(`${path}.${key}: not camelCase`);
        // A key named `ticket` is always the ticket document; a bare number is `ticketNumber`.
        if (!freeKeys && key === 'ticket' && typeof child === 'number') out.push(`${path}.ticket: a bare ticket number (it is ticketNumber)`);
        walk(child, `${path}.${key}`, FREE_MAPS.has(key) || key === 'data');
      }
    }
  };
  walk(doc, '$', false);
  return out;
}

/** The schema's complaints about a document, as readable lines. */
export function schemaViolations(schema: z.ZodType, doc: unknown): string[] {
  const result = schema.safeParse(doc);
  return result.success ? [] : result.error.issues.map((i) => `$.${i.path.join('.')}: ${i.message}`);
}
