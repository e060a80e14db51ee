import type { Selectable } from 'kysely';
import { z } from 'zod';
import type { RoutingRulesTable, TicketPriority, TicketSource } from '../db/schema.js';
import { TICKET_PRIORITIES, TICKET_SOURCES } from '../tickets/ticket.js';

/** What a rule looks at. AND across fields, OR within a list; text matches are whole words, any case. */
export interface RuleConditions {
  /** Words or phrases in the subject or the first message. */
  keywords: string[] | null;
  subjectKeywords: string[] | null;
  bodyKeywords: string[] | null;
  source: TicketSource[] | null;
  context: string[] | null;
  priority: TicketPriority[] | null;
  tags: string[] | null;
  /** The customer's email domain (`example.com`; subdomains match too). */
  emailDomain: string[] | null;
}

export const ASSIGN_STRATEGIES = ['round-robin', 'least-loaded'] as const;
export type AssignStrategy = (typeof ASSIGN_STRATEGIES)[number];

/** What a rule does, applied in this order: priority, tags, category, assignment, then stop. */
export interface RuleActions {
  setPriority: TicketPriority | null;
  addTags: string[] | null;
  setCategory: string | null;
  assign: { id: string; email: string } | null;
  group: { id: string; name: string; strategy: AssignStrategy } | null;
  stop: boolean;
}

export interface RoutingRule {
  id: string;
  name: string;
  position: number;
  isEnabled: boolean;
  conditions: RuleConditions;
  actions: RuleActions;
  createdAt: string;
  updatedAt: string;
}

const list = <T extends z.ZodType>(item: T) =>
  z.preprocess((v) => (typeof v === 'string' ? v.split(',').map((s) => s.trim()).filter(Boolean) : v), z.array(item).min(1, 'must list at least one value').nullish());
const word = z.string().trim().min(1, 'must not be empty').max(100, 'must be at most 100 characters');

export const conditionsSchema = z
  .object({
    keywords: list(word),
    subjectKeywords: list(word),
    bodyKeywords: list(word),
    source: list(z.enum(TICKET_SOURCES, { message: `must be one of ${TICKET_SOURCES.join(', ')}` })),
    context: list(word),
    priority: list(z.enum(TICKET_PRIORITIES, { message: `must be one of ${TICKET_PRIORITIES.join(', ')}` })),
    tags: list(word),
    emailDomain: list(
      z
        .string()
        .trim()
        .toLowerCase()
        .transform((d) => d.replace(/^@/, ''))
        .pipe(z.string().regex(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/, 'must be a domain like example.com')),
    ),
  })
  .transform((c) => ({
    keywords: c.keywords ?? null,
    subjectKeywords: c.subjectKeywords ?? null,
    bodyKeywords: c.bodyKeywords ?? null,
    source: c.source ?? null,
    context: c.context ?? null,
    priority: c.priority ?? null,
    tags: c.tags ?? null,
    emailDomain: c.emailDomain ?? null,
  }));

export const hasCondition = (c: RuleConditions): boolean => Object.values(c).some((v) => v !== null);

/** Actions as given (agent and group by name; resolved by the use case). */
export const actionsInputSchema = z.object({
  setPriority: z.enum(TICKET_PRIORITIES, { message: `must be one of ${TICKET_PRIORITIES.join(', ')}` }).nullish(),
  addTags: list(word),
  setCategory: word.nullish(),
  assign: z.string().trim().min(1).nullish(),
  group: z.string().trim().min(1).nullish(),
  strategy: z.enum(ASSIGN_STRATEGIES, { message: `must be one of ${ASSIGN_STRATEGIES.join(', ')}` }).nullish(),
  stop: z.boolean().nullish(),
});

export function rowToRule(row: Selectable<RoutingRulesTable>): RoutingRule {
  return {
    id: row.id,
    name: row.name,
    position: row.position,
    isEnabled: row.is_enabled,
    conditions: row.conditions as unknown as RuleConditions,
    actions: row.actions as unknown as RuleActions,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}
