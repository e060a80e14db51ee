import type { Tag } from '../../core/tickets/tags.js';
import type { Column } from '../output.js';
import { formatTime } from '../time-format.js';

export const TAG_COLUMNS: Column<Tag>[] = [
  { header: 'name', value: (t) => t.name },
  { header: 'color', value: (t) => t.color },
  { header: 'tickets', value: (t) => t.ticketCount },
  { header: 'created', value: (t) => formatTime(t.createdAt) },
];
export const NO_TAGS = 'No tags yet. An admin adds one with `nexus tags create <name>`.';
