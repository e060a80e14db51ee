import type { User } from '../../core/users/user.js';
import { renderFields, renderTable } from '../output.js';

export const userFields = (u: User): string =>
  renderFields([
    ['email', u.email],
    ['name', u.name],
    ['role', u.role],
    ['status', u.isDisabled ? 'disabled' : 'active'],
    ['created', u.createdAt],
  ]);

export const usersTable = (users: User[], width?: number): string =>
  users.length === 0
    ? 'No users match.'
    : renderTable(
        users,
        [
          { header: 'email', value: (u) => u.email },
          { header: 'name', value: (u) => u.name },
          { header: 'role', value: (u) => u.role },
          { header: 'status', value: (u) => (u.isDisabled ? 'disabled' : 'active') },
          { header: 'created', value: (u) => u.createdAt.slice(0, 10) },
        ],
        width,
      );
