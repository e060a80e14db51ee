import type { Tag } from '../../core/tickets/tags.js';
import { renderTable } from '../output.js';

export const tagsTable = (tags: Tag[], width?: number): string =>
  tags.length === 0
    ? 'No tags yet. An admin adds one with `nexus tags create <name>`.'
    : renderTable(
        tags,
        [
          { header: 'name', value: (t) => t.name },
          { header: 'color', value: (t) => t.color },
          { header: 'tickets', value: (t) => t.ticketCount },
          { header: 'created', value: (t) => t.createdAt.slice(0, 10) },
        ],
        width,
      );
