import { assertBlobKey, blobNotFound, type BlobStore } from './blob-store.js';

/** The in-memory fake: what unit and database tests use. `blobs` is exposed so tests can look inside. */
export class MemoryBlobStore implements BlobStore {
  readonly kind = 'memory';
  readonly blobs = new Map<string, { bytes: Uint8Array; contentType: string }>();

  async put(key: string, bytes: Uint8Array, contentType: string): Promise<void> {
    assertBlobKey(key);
    this.blobs.set(key, { bytes: new Uint8Array(bytes), contentType });
  }

  async get(key: string): Promise<Uint8Array> {
    assertBlobKey(key);
    const blob = this.blobs.get(key);
    if (!blob) throw blobNotFound(key);
    return new Uint8Array(blob.bytes);
  }

  async delete(key: string): Promise<void> {
    assertBlobKey(key);
    this.blobs.delete(key);
  }
}
