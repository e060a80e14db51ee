import { StorageClient } from '@supabase/storage-js';
import { NexusError } from '../errors.js';
import { assertBlobKey, blobNotFound, type BlobStore } from './blob-store.js';

export interface SupabaseStorageOptions {
  url: string;
  serviceRoleKey: string;
  bucket: string;
}

const statusOf = (error: unknown): number | undefined => {
  const e = error as { status?: unknown; statusCode?: unknown };
  const status = Number(e.status);
  const code = Number(e.statusCode);
  return code === 404 ? 404 : Number.isFinite(status) ? status : undefined;
};

function upstream(action: string, error: unknown): NexusError {
  return new NexusError('UPSTREAM_FAILED', `Supabase Storage could not ${action}: ${(error as Error).message ?? String(error)}`, {
    hint: 'Check SUPABASE_URL, SUPABASE_SERVICE_ROLE_KEY and that the bucket exists.',
    cause: error,
  });
}

/** Blobs in a Supabase Storage bucket, through the official storage client with the service-role key. */
export class SupabaseBlobStore implements BlobStore {
  readonly kind = 'supabase';
  private readonly client: StorageClient;

  constructor(private readonly options: SupabaseStorageOptions) {
    const key = options.serviceRoleKey;
    this.client = new StorageClient(`${options.url.replace(/\/+$/, '')}/storage/v1`, { apikey: key, Authorization: `Bearer ${key}` });
  }

  private bucket() {
    return this.client.from(this.options.bucket);
  }

  async put(key: string, bytes: Uint8Array, contentType: string): Promise<void> {
    assertBlobKey(key);
    const { error } = await this.bucket().upload(key, bytes, { contentType, upsert: true });
    if (error) throw upstream('store the attachment', error);
  }

  async get(key: string): Promise<Uint8Array> {
    assertBlobKey(key);
    const { data, error } = await this.bucket().download(key);
    if (error) {
      const status = statusOf(error);
      if (status === 404 || status === 400) throw blobNotFound(key);
      throw upstream('read the attachment', error);
    }
    return new Uint8Array(await data.arrayBuffer());
  }

  async delete(key: string): Promise<void> {
    assertBlobKey(key);
    const { error } = await this.bucket().remove([key]);
    if (error) throw upstream('delete the attachment', error);
  }
}
