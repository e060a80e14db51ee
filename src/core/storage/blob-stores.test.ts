import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient } from '@supabase/supabase-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ws from 'ws';
import { FakeSupabaseStorage } from '../../../test/support/fake-supabase-storage.js';
import { testConfig } from '../../../test/support/db.js';
import type { BlobStore } from './blob-store.js';
import { createBlobStore } from './create-blob-store.js';
import { LocalBlobStore } from './local-blob-store.js';
import { MemoryBlobStore } from './memory-blob-store.fake.js';
import { SupabaseBlobStore } from './supabase-blob-store.js';

const root = mkdtempSync(join(tmpdir(), 'nexus-blobs-'));
const fake = new FakeSupabaseStorage();

beforeAll(async () => {
  await fake.start();
});
afterAll(async () => {
  await fake.stop();
  rmSync(root, { recursive: true, force: true });
});

const stores: [string, () => BlobStore][] = [
  ['memory', () => new MemoryBlobStore()],
  ['local folder', () => new LocalBlobStore(join(root, 'local'))],
  ['supabase (through the storage client, against a fake Storage API)', () => new SupabaseBlobStore({ url: fake.url, serviceRoleKey: fake.serviceRoleKey, bucket: 'attachments' })],
];

const binary = new Uint8Array([0, 1, 2, 253, 254, 255, 0x89, 0x50]);

describe.each(stores)('the %s blob store', (_name, make) => {
  it('stores, reads back byte for byte, overwrites and deletes', async () => {
    const store = make();
    const key = 'tickets/00000000-0000-4000-8000-000000000001/aaaaaaaa-0000-4000-8000-000000000002';
    await store.put(key, binary, 'image/png');
    expect([...(await store.get(key))]).toEqual([...binary]);
    await store.put(key, new Uint8Array([7]), 'text/plain');
    expect([...(await store.get(key))]).toEqual([7]);
    await store.delete(key);
    await expect(store.get(key)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(store.delete(key)).resolves.toBeUndefined();
  });

  it.each(['../escape', 'tickets/../../etc/passwd', '/absolute', 'UPPER/case', 'a//b', ''])('refuses the key %j', async (key) => {
    const store = make();
    await expect(store.put(key, binary, 'text/plain')).rejects.toMatchObject({ code: 'INTERNAL' });
    await expect(store.get(key)).rejects.toMatchObject({ code: 'INTERNAL' });
  });
});

describe('the local folder store', () => {
  it('writes atomically: no temporary files are left behind', async () => {
    const store = new LocalBlobStore(join(root, 'atomic'));
    await store.put('tickets/t1/a1', binary, 'image/png');
    expect(readdirSync(join(root, 'atomic', 'tickets', 't1'))).toEqual(['a1']);
    await store.delete('tickets/t1/a1');
    expect(readdirSync(join(root, 'atomic', 'tickets'))).toEqual([]);
  });
});

describe('the supabase store', () => {
  it('sends the service-role key and the content type; a missing object is NOT_FOUND', async () => {
    const store = new SupabaseBlobStore({ url: `${fake.url}/`, serviceRoleKey: fake.serviceRoleKey, bucket: 'attachments' });
    await store.put('tickets/t2/a2', binary, 'application/pdf');
    expect(fake.objects.get('attachments/tickets/t2/a2')?.contentType).toBe('application/pdf');
    await expect(store.get('tickets/t2/missing')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('turns a wrong key, a missing bucket or a server error into UPSTREAM_FAILED with a hint', async () => {
    const wrongKey = new SupabaseBlobStore({ url: fake.url, serviceRoleKey: 'nope', bucket: 'attachments' });
    await expect(wrongKey.put('tickets/x/y', binary, 'text/plain')).rejects.toMatchObject({ code: 'UPSTREAM_FAILED' });
    const noBucket = new SupabaseBlobStore({ url: fake.url, serviceRoleKey: fake.serviceRoleKey, bucket: 'elsewhere' });
    await expect(noBucket.put('tickets/x/y', binary, 'text/plain')).rejects.toMatchObject({ code: 'UPSTREAM_FAILED' });
    fake.failWith = 500;
    try {
      const store = new SupabaseBlobStore({ url: fake.url, serviceRoleKey: fake.serviceRoleKey, bucket: 'attachments' });
      await expect(store.get('tickets/x/y')).rejects.toMatchObject({ code: 'UPSTREAM_FAILED' });
      await expect(store.delete('tickets/x/y')).rejects.toMatchObject({ code: 'UPSTREAM_FAILED' });
    } finally {
      fake.failWith = undefined;
    }
  });
});

describe('the fake Storage API through supabase-js itself', () => {
  it('serves what the adapter stored to the official client, and removes what the client deletes', async () => {
    const store = new SupabaseBlobStore({ url: fake.url, serviceRoleKey: fake.serviceRoleKey, bucket: 'attachments' });
    await store.put('tickets/t4/a4', binary, 'image/png');
    // supabase-js needs a WebSocket implementation on Node 20 even when only Storage is used.
    const supabase = createClient(fake.url, fake.serviceRoleKey, { realtime: { transport: ws as never }, auth: { persistSession: false } });
    const { data, error } = await supabase.storage.from('attachments').download('tickets/t4/a4');
    expect(error).toBeNull();
    expect([...new Uint8Array(await data!.arrayBuffer())]).toEqual([...binary]);
    const removed = await supabase.storage.from('attachments').remove(['tickets/t4/a4']);
    expect(removed.error).toBeNull();
    await expect(store.get('tickets/t4/a4')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('choosing the store from configuration', () => {
  it('uses the attachments folder in the data folder by default', async () => {
    const store = await createBlobStore(testConfig({ dataDir: join(root, 'data') }));
    expect(store).toBeInstanceOf(LocalBlobStore);
    expect((store as LocalBlobStore).root).toBe(join(root, 'data', 'attachments'));
  });

  it('uses Supabase Storage when the project URL and service-role key are both set', async () => {
    const store = await createBlobStore(testConfig({ storage: { supabaseUrl: fake.url, supabaseServiceRoleKey: fake.serviceRoleKey, bucket: 'attachments' } }));
    expect(store.kind).toBe('supabase');
    await store.put('tickets/t3/a3', binary, 'image/png');
    expect(fake.objects.has('attachments/tickets/t3/a3')).toBe(true);
    const halfConfigured = await createBlobStore(testConfig({ storage: { supabaseUrl: fake.url } }));
    expect(halfConfigured.kind).toBe('local');
  });
});
