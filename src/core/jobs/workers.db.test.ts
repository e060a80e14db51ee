import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../test/support/db.js';

const t = useTestDatabase();

async function trashedTicket(customerId: string, daysAgo: number): Promise<number> {
  const deletedAt = new Date(t.clock.now().getTime() - daysAgo * 86_400_000);
  const row = await t.db
    .insertInto('tickets')
    .values({ subject: `deleted ${daysAgo} days ago`, customer_id: customerId, status: 'closed', resolved_at: deletedAt, deleted_at: deletedAt })
    .returning('number')
    .executeTakeFirstOrThrow();
  return row.number;
}

async function numbersLeft(): Promise<number[]> {
  return (await t.db.selectFrom('tickets').select('number').orderBy('number').execute()).map((r) => r.number);
}

describe('background workers', () => {
  it('given tickets in the trash, the workers purge those deleted 30 or more days ago and keep the rest', async () => {
    const customer = await t.user('customer');
    const old = await trashedTicket(customer.id, 31);
    const recent = await trashedTicket(customer.id, 3);
    const errors: unknown[] = [];
    const workers = t.services.startWorkers({ purgeEveryMs: 20, pollMs: 20, onError: (e) => errors.push(e) });
    try {
      const deadline = Date.now() + 15_000;
      while ((await numbersLeft()).includes(old) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    } finally {
      await workers.stop();
    }
    expect(await numbersLeft()).toEqual([recent]);
    expect(errors).toEqual([]);
  });
});
