import { z } from 'zod';
import { authorize, type Actor } from '../access/permissions.js';
import type { Deps } from '../deps.js';
import { createTicketInput } from '../tickets/create-ticket.js';
import { emailSchema, parseInput } from '../validation.js';
import { loadRules, pickGroupMember } from './apply-routing.js';
import { evaluateRules, type RuleMatch } from './evaluate-rules.js';

export const testRoutingInput = z.object({
  subject: createTicketInput.shape.subject,
  message: createTicketInput.shape.message,
  from: emailSchema.default('customer@example.com'),
  source: createTicketInput.shape.source,
  context: createTicketInput.shape.context,
  priority: createTicketInput.shape.priority,
});
export type TestRoutingInput = z.input<typeof testRoutingInput>;

export interface RoutingTestResult {
  /** The rules that would fire, in order, with the conditions that matched and who a group would get next. */
  items: (RuleMatch & { wouldAssign: string | null })[];
  nextCursor: null;
  result: { priority: string; tags: string[] };
}

/** `nexus routing test`: which rules would fire on such a ticket and why. Reads only; changes nothing. */
export async function testRouting(deps: Deps, actor: Actor, input: TestRoutingInput): Promise<RoutingTestResult> {
  authorize(actor, 'routing.view');
  const data = parseInput(testRoutingInput, input);
  return deps.db.transaction().execute(async (trx) => {
    const rules = await loadRules(trx);
    const { matches, facts } = evaluateRules(rules, { subject: data.subject, body: data.message, source: data.source, context: data.context, priority: data.priority, tags: [], customerEmail: data.from });
    const items = [];
    for (const m of matches) {
      const next = m.actions.group ? await pickGroupMember(trx, m.actions.group.id, m.actions.group.strategy, { dryRun: true }) : null;
      items.push({ ...m, wouldAssign: m.actions.assign?.email ?? next?.email ?? null });
    }
    return { items, nextCursor: null, result: { priority: facts.priority, tags: facts.tags } };
  });
}
