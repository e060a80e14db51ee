import type { User } from '../../core/users/user.js';
import { renderFields, type Column } from '../output.js';
import { formatTime } from '../time-format.js';

export const userFields = (u: User): string =>
  renderFields([
    ['email', u.email],
    ['name', u.name],
    ['role', u.role],
    ['status', u.isDisabled ? 'disabled' : 'active'],
    ['created', formatTime(u.createdAt)],
  ]);

export const USER_COLUMNS: Column<User>[] = [
  { header: 'email', value: (u) => u.email },
  { header: 'name', value: (u) => u.name },
  { header: 'role', value: (u) => u.role },
  { header: 'status', value: (u) => (u.isDisabled ? 'disabled' : 'active') },
  { header: 'created', value: (u) => formatTime(u.createdAt) },
];
