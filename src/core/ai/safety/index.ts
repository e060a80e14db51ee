/**
 * Text safety around the AI: `classifyInbound()` decides before a reply whether a person must answer;
 * `guardReply()` decides after, whether a drafted reply may be sent.
 */
export { classifyInbound, HANDOFF_CATEGORIES, HANDOFF_REASONS, type HandoffCategory, type HandoffReason, type InboundClassification } from './classify-inbound.js';
export { guardReply, type GuardOptions, type GuardResult } from './guard-reply.js';
export { normaliseInbound } from './normalise.js';
