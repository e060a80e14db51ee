import { join } from 'node:path';
import type { NexusConfig } from '../config/schema.js';
import type { BlobStore } from './blob-store.js';
import { LocalBlobStore } from './local-blob-store.js';

/**
 * The blob store the configuration asks for: Supabase Storage when both the project URL and the
 * service-role key are set, otherwise the `attachments` folder inside the data folder. The Supabase
 * client is imported only when it is used.
 */
export async function createBlobStore(config: NexusConfig): Promise<BlobStore> {
  const { supabaseUrl, supabaseServiceRoleKey, bucket } = config.storage;
  if (supabaseUrl && supabaseServiceRoleKey) {
    const { SupabaseBlobStore } = await import('./supabase-blob-store.js');
    return new SupabaseBlobStore({ url: supabaseUrl, serviceRoleKey: supabaseServiceRoleKey, bucket });
  }
  return new LocalBlobStore(join(config.dataDir, 'attachments'));
}
