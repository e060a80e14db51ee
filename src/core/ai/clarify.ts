import type { Transaction } from 'kysely';
import type { DB } from '../db/schema.js';

/**
 * issue 13: the clarifying question, the alternative to a hand-off when the knowledge base has no
 * passage above `kb.minScore` for a message that is not a hand-off category (the inbound classifier
 * let it through). The model is called without references and told not to answer from memory: it
 * asks ONE short question back, or sets needsHuman. What it writes is checked here (one question, no
 * answer smuggled in), and a ticket gets one clarifying question at most: the next unanswerable
 * message goes to a person.
 */

/** The event recorded when the AI asks back; its presence on a ticket means the one question is used. */
export const CLARIFIED_EVENT = 'ai.clarified';

/** Longest clarifying question accepted (characters): a question, not an answer. */
export const MAX_CLARIFY_CHARS = 280;

/** The system note added to the context in clarify mode. */
export const CLARIFY_INSTRUCTION = [
  'Knowledge base: no published help-centre article matches this message well enough.',
  'Do not answer it from memory and do not guess facts, prices, policies or steps.',
  'If the message is unclear, too short or could mean several things, reply with exactly ONE short clarifying question',
  '(in the customer\'s language, nothing else, no answer) that would let the help centre be searched again, and set needsHuman to false.',
  'Otherwise set needsHuman to true and reason to "no_kb_answer".',
].join('\n');

/** Question marks: Latin, Arabic, CJK full-width. */
const QUESTION_MARK = /[?？؟]/g;

/**
 * Is this reply one clarifying question and nothing more? One sentence ending in a question mark
 * (an opening "¿" is fine), within MAX_CLARIFY_CHARS, with no link, e-mail address or long number in
 * it (those would be facts the model was told not to give).
 */
export function isClarifyingQuestion(reply: string): boolean {
  const text = reply.trim();
  if (!text || text.length > MAX_CLARIFY_CHARS) return false;
  const marks = text.match(QUESTION_MARK) ?? [];
  if (marks.length !== 1 || !/[?？؟]["'”»)]*$/.test(text)) return false;
  if (/https?:\/\/|www\.|\S+@\S+\.\S+|\d{4,}/i.test(text)) return false;
  // A single sentence: no full stop or exclamation before the question (a greeting with a comma is fine).
  return !/[.!。](\s|$)/.test(text.replace(/[?？؟]["'”»)]*$/, ''));
}

/** Has the AI already asked this ticket a clarifying question? */
export async function alreadyClarified(trx: Transaction<DB>, ticketId: string): Promise<boolean> {
  const row = await trx.selectFrom('ticket_events').select('id').where('ticket_id', '=', ticketId).where('type', '=', CLARIFIED_EVENT).limit(1).executeTakeFirst();
  return row !== undefined;
}
