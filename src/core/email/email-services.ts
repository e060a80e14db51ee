import type { Actor } from '../access/permissions.js';
import type { Deps } from '../deps.js';
import { ingestFiles, type ingestFilesInput } from './inbound/ingest-files.js';
import { ingestMessage, type IngestInput } from './inbound/ingest-message.js';
import type { z } from 'zod';

/** The email channel's use cases, bound to deps (services.ts spreads them under `email`). */
export function emailServices(deps: Deps) {
  return {
    /** Replay raw messages in order, as a poll would (`nexus email ingest`). */
    ingestFiles: (actor: Actor, input: z.input<typeof ingestFilesInput>) => ingestFiles(deps, actor, input),
    /** The one ingestion path (pollers and webhooks call it). */
    ingest: (input: IngestInput) => ingestMessage(deps, input),
  };
}
