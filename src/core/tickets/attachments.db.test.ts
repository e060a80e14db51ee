import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../test/support/db.js';
import { createServices } from '../services.js';
import { MemoryBlobStore } from '../storage/memory-blob-store.fake.js';
import { eventsOf, failureOf, SAMPLES, seedMessage, seedTicket } from '../../../test/support/catalogue-fixtures.js';

const t = useTestDatabase();

async function setup() {
  const blobs = new MemoryBlobStore();
  const services = createServices({ ...t.deps, blobs });
  const customer = await t.user('customer', 'cy@example.com');
  const agent = await t.user('agent');
  const ticket = await seedTicket(t.db, { customerId: customer.id });
  return { blobs, services, customer, agent, ticket };
}

describe('attachments', () => {
  it('given a customer, uploads a PNG to their ticket, lists it and downloads the same bytes', async () => {
    const { blobs, services, customer, agent, ticket } = await setup();
    const attachment = await services.tickets.uploadAttachment(customer, { ticket: ticket.number, filename: '../../screenshot.png', bytes: SAMPLES.png });
    expect(attachment).toMatchObject({
      ticketNumber: ticket.number,
      filename: 'screenshot.png',
      contentType: 'image/png',
      sizeBytes: SAMPLES.png.byteLength,
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
      uploadedBy: { email: 'cy@example.com' },
      messageId: null,
    });
    expect([...blobs.blobs.keys()]).toEqual([`tickets/${ticket.id}/${attachment.id}`]);
    await expect(services.tickets.listAttachments(agent, { ticket: ticket.number })).resolves.toEqual({ items: [attachment], nextCursor: null });
    const download = await services.tickets.downloadAttachment(customer, { ticket: ticket.number, attachmentId: attachment.id });
    expect(download.attachment).toEqual(attachment);
    expect(Buffer.from(download.bytes).equals(Buffer.from(SAMPLES.png))).toBe(true);
    expect((await eventsOf(t.db, ticket.id)).map((e) => e.type)).toEqual(['ticket.attachment_added']);
  });

  it('ties an upload to a message of the same ticket only', async () => {
    const { services, agent, customer, ticket } = await setup();
    const message = await seedMessage(t.db, ticket.id, 'customer', customer.id);
    const note = await seedMessage(t.db, ticket.id, 'internal', agent.id);
    await expect(services.tickets.uploadAttachment(customer, { ticket: ticket.number, filename: 'a.txt', bytes: SAMPLES.text, messageId: message })).resolves.toMatchObject({ messageId: message });
    expect((await failureOf(services.tickets.uploadAttachment(customer, { ticket: ticket.number, filename: 'a.txt', bytes: SAMPLES.text, messageId: note }))).code).toBe('NOT_FOUND');
    const other = await seedTicket(t.db, { customerId: customer.id });
    const elsewhere = await seedMessage(t.db, other.id, 'customer', customer.id);
    expect((await failureOf(services.tickets.uploadAttachment(customer, { ticket: ticket.number, filename: 'a.txt', bytes: SAMPLES.text, messageId: elsewhere }))).code).toBe('NOT_FOUND');
  });

  it.each([
    ['an 11 MB file', 'big.txt', new Uint8Array(11 * 1024 * 1024).fill(0x61), 'PAYLOAD_TOO_LARGE'],
    ['an executable', 'setup.exe', new Uint8Array([0x4d, 0x5a, 0x90, 0, 3]), 'UNSUPPORTED_MEDIA_TYPE'],
    ['a PDF named .png', 'photo.png', SAMPLES.pdf, 'UNSUPPORTED_MEDIA_TYPE'],
  ])('refuses %s with a clear error and stores nothing (no row, no blob, no event)', async (_what, filename, bytes, code) => {
    const { blobs, services, customer, ticket } = await setup();
    const failure = await failureOf(services.tickets.uploadAttachment(customer, { ticket: ticket.number, filename, bytes }));
    expect(failure.code).toBe(code);
    expect(failure.message.length).toBeGreaterThan(10);
    expect(blobs.blobs.size).toBe(0);
    expect(await t.db.selectFrom('attachments').selectAll().execute()).toEqual([]);
    expect(await eventsOf(t.db, ticket.id)).toEqual([]);
  });

  it('removes the blob again when the row cannot be written after it', async () => {
    const { blobs, customer, ticket } = await setup();
    // A clock at the earliest instant JavaScript has (271822 BC) makes the insert fail after the blob was
    // stored: a valid Date, but before timestamptz's range. (An invalid Date did the same through a pg
    // deprecation, PG_INVALID_DATE, that the driver's next major turns into a client-side throw.)
    const broken = createServices({ ...t.deps, blobs, clock: { now: () => new Date(-8.64e15) } });
    await expect(broken.tickets.uploadAttachment(customer, { ticket: ticket.number, filename: 'a.txt', bytes: SAMPLES.text })).rejects.toThrow(/out of range/);
    expect(blobs.blobs.size).toBe(0);
    expect(await t.db.selectFrom('attachments').selectAll().execute()).toEqual([]);
  });

  it("another customer's attachment is NOT_FOUND exactly like a missing one", async () => {
    const { services, customer, ticket } = await setup();
    const attachment = await services.tickets.uploadAttachment(customer, { ticket: ticket.number, filename: 'a.txt', bytes: SAMPLES.text });
    const other = await t.user('customer');
    const stranger = await failureOf(services.tickets.downloadAttachment(other, { ticket: ticket.number, attachmentId: attachment.id }));
    const missing = await failureOf(services.tickets.downloadAttachment(other, { ticket: 999999, attachmentId: attachment.id }));
    expect(stranger.code).toBe('NOT_FOUND');
    expect(stranger.message.replace(String(ticket.number), 'N')).toBe(missing.message.replace('999999', 'N'));
    expect((await failureOf(services.tickets.listAttachments(other, { ticket: ticket.number }))).code).toBe('NOT_FOUND');
    expect((await failureOf(services.tickets.deleteAttachment(other, { ticket: ticket.number, attachmentId: attachment.id }))).code).toBe('NOT_FOUND');
    expect((await failureOf(services.tickets.uploadAttachment(other, { ticket: ticket.number, filename: 'a.txt', bytes: SAMPLES.text }))).code).toBe('NOT_FOUND');
  });

  it('an attachment id from another ticket, or not a UUID, is NOT_FOUND', async () => {
    const { services, customer, agent, ticket } = await setup();
    const other = await seedTicket(t.db, { customerId: customer.id });
    const attachment = await services.tickets.uploadAttachment(customer, { ticket: other.number, filename: 'a.txt', bytes: SAMPLES.text });
    expect((await failureOf(services.tickets.downloadAttachment(agent, { ticket: ticket.number, attachmentId: attachment.id }))).code).toBe('NOT_FOUND');
    expect((await failureOf(services.tickets.downloadAttachment(agent, { ticket: ticket.number, attachmentId: '../../etc/passwd' }))).code).toBe('NOT_FOUND');
  });

  it('deletes: staff any file, a customer only their own uploads; the blob goes too', async () => {
    const { blobs, services, customer, agent, ticket } = await setup();
    const mine = await services.tickets.uploadAttachment(customer, { ticket: ticket.number, filename: 'mine.txt', bytes: SAMPLES.text });
    const staffs = await services.tickets.uploadAttachment(agent, { ticket: ticket.number, filename: 'guide.pdf', bytes: SAMPLES.pdf });
    expect((await failureOf(services.tickets.deleteAttachment(customer, { ticket: ticket.number, attachmentId: staffs.id }))).code).toBe('FORBIDDEN');
    await expect(services.tickets.deleteAttachment(customer, { ticket: ticket.number, attachmentId: mine.id })).resolves.toEqual({ id: mine.id, ticketNumber: ticket.number, filename: 'mine.txt', deleted: true });
    await services.tickets.deleteAttachment(agent, { ticket: ticket.number, attachmentId: staffs.id });
    expect(blobs.blobs.size).toBe(0);
    await expect(services.tickets.listAttachments(customer, { ticket: ticket.number })).resolves.toEqual({ items: [], nextCursor: null });
    expect((await eventsOf(t.db, ticket.id)).map((e) => e.type)).toEqual(['ticket.attachment_added', 'ticket.attachment_added', 'ticket.attachment_deleted', 'ticket.attachment_deleted']);
  });
});
