import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../test/support/db.js';
import { expectCode } from '../../../test/support/tickets-kit.js';

const t = useTestDatabase();

describe('staff opening a ticket name the customer (issue 8 item 10)', () => {
  it.each(['agent', 'admin'] as const)('Given a %s and no customer, when creating, then it is refused naming customerEmail, and no ticket exists', async (role) => {
    const staff = await t.user(role);
    const error = await expectCode(t.services.tickets.create(staff, { subject: 'Phoned in', message: 'Customer called' }), 'VALIDATION_FAILED');
    expect(error.details).toEqual([{ path: 'customerEmail', message: 'is required when staff open a ticket (whose ticket is it?)' }]);
    expect(error.hint).toContain('--customer');
    expect(await t.db.selectFrom('tickets').select('id').execute()).toEqual([]);
  });

  it('Given a customer, when creating without a customer email, then the ticket is theirs as before', async () => {
    const customer = await t.user('customer');
    const { ticket } = await t.services.tickets.create(customer, { subject: 'Help', message: 'please' });
    expect(ticket.customer.email).toBe(customer.email);
  });
});
