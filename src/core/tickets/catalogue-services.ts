import type { Actor } from '../access/permissions.js';
import type { Deps } from '../deps.js';
import { deleteAttachment } from './attachments-delete.js';
import { downloadAttachment, type AttachmentRefInput } from './attachments-download.js';
import { listAttachments } from './attachments-list.js';
import { createCategory, type CreateCategoryInput } from './categories-create.js';
import { deleteCategory } from './categories-delete.js';
import { listCategories } from './categories-list.js';
import { setTicketCategory, type SetTicketCategoryInput } from './categories-set-on-ticket.js';
import { updateCategory, type UpdateCategoryInput } from './categories-update.js';
import { deleteTickets, type DeleteTicketsInput } from './delete-tickets.js';
import { listTrash } from './list-trash.js';
import { purgeTickets, type PurgeTicketsInput } from './purge-tickets.js';
import { rateMessage, type RateMessageInput } from './rate-message.js';
import { restoreTicket } from './restore-ticket.js';
import { createTag, type CreateTagInput } from './tags-create.js';
import { deleteTag } from './tags-delete.js';
import { listTags } from './tags-list.js';
import { addTicketTags, removeTicketTags, type TicketTagsInput } from './tags-on-ticket.js';
import { updateTag, type UpdateTagInput } from './tags-update.js';
import { logTime, type LogTimeInput } from './time-entries-log.js';
import { listTimeEntries } from './time-entries-list.js';
import { uploadAttachment, type UploadAttachmentInput } from './upload-attachment.js';

type Ticket = { ticket: number | string };

/** Tags, categories, time, ratings, trash and attachments on tickets: merged into `services.tickets`. */
export const ticketExtraServices = (deps: Deps) => ({
  addTags: (actor: Actor, input: TicketTagsInput) => addTicketTags(deps, actor, input),
  removeTags: (actor: Actor, input: TicketTagsInput) => removeTicketTags(deps, actor, input),
  setCategory: (actor: Actor, input: SetTicketCategoryInput) => setTicketCategory(deps, actor, input),
  logTime: (actor: Actor, input: LogTimeInput) => logTime(deps, actor, input),
  listTime: (actor: Actor, input: Ticket) => listTimeEntries(deps, actor, input),
  rateMessage: (actor: Actor, input: RateMessageInput) => rateMessage(deps, actor, input),
  delete: (actor: Actor, input: DeleteTicketsInput) => deleteTickets(deps, actor, input),
  listTrash: (actor: Actor) => listTrash(deps, actor),
  restore: (actor: Actor, input: Ticket) => restoreTicket(deps, actor, input),
  purge: (actor: Actor, input: PurgeTicketsInput) => purgeTickets(deps, actor, input),
  uploadAttachment: (actor: Actor, input: UploadAttachmentInput) => uploadAttachment(deps, actor, input),
  listAttachments: (actor: Actor, input: Ticket) => listAttachments(deps, actor, input),
  downloadAttachment: (actor: Actor, input: AttachmentRefInput) => downloadAttachment(deps, actor, input),
  deleteAttachment: (actor: Actor, input: AttachmentRefInput) => deleteAttachment(deps, actor, input),
});

/** The tag catalogue (`services.tags`). */
export const tagServices = (deps: Deps) => ({
  list: (actor: Actor) => listTags(deps, actor),
  create: (actor: Actor, input: CreateTagInput) => createTag(deps, actor, input),
  update: (actor: Actor, input: UpdateTagInput) => updateTag(deps, actor, input),
  delete: (actor: Actor, input: { name: string }) => deleteTag(deps, actor, input),
});

/** The category catalogue (`services.categories`). */
export const categoryServices = (deps: Deps) => ({
  list: (actor: Actor) => listCategories(deps, actor),
  create: (actor: Actor, input: CreateCategoryInput) => createCategory(deps, actor, input),
  update: (actor: Actor, input: UpdateCategoryInput) => updateCategory(deps, actor, input),
  delete: (actor: Actor, input: { name: string }) => deleteCategory(deps, actor, input),
});
