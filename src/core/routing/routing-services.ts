import type { Actor } from '../access/permissions.js';
import type { Deps } from '../deps.js';
import { createGroup, listGroups, removeGroup, updateGroup, type CreateGroupInput, type UpdateGroupInput } from '../groups/agent-groups.js';
import { createRule, listRules, moveRule, removeRule, updateRule, type CreateRuleInput, type UpdateRuleInput } from './routing-rules.js';
import { testRouting, type TestRoutingInput } from './test-routing.js';

/** Routing rules and agent groups bound to their dependencies (`services.routing.*`, `services.groups.*`). */
export function routingServices(deps: Deps) {
  return {
    rules: {
      list: (actor: Actor) => listRules(deps, actor),
      create: (actor: Actor, input: CreateRuleInput) => createRule(deps, actor, input),
      update: (actor: Actor, input: UpdateRuleInput) => updateRule(deps, actor, input),
      move: (actor: Actor, input: { rule: string; position: number | string }) => moveRule(deps, actor, input),
      remove: (actor: Actor, input: { rule: string }) => removeRule(deps, actor, input),
    },
    test: (actor: Actor, input: TestRoutingInput) => testRouting(deps, actor, input),
  };
}

export function groupServices(deps: Deps) {
  return {
    list: (actor: Actor) => listGroups(deps, actor),
    create: (actor: Actor, input: CreateGroupInput) => createGroup(deps, actor, input),
    update: (actor: Actor, input: UpdateGroupInput) => updateGroup(deps, actor, input),
    remove: (actor: Actor, input: { group: string }) => removeGroup(deps, actor, input),
  };
}
