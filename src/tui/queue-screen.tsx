import { Box, Text } from 'ink';
import { memo, useMemo } from 'react';
import { safeLine } from '../core/text/terminal-safe.js';
import { cellText, cellToken, queueColumns, type QueueColumn } from './layout.js';
import type { TuiState } from './state.js';
import type { Theme } from './theme.js';
import { VIEWS, type QueueTicket } from './views.js';

interface RowProps {
  ticket: QueueTicket;
  columns: QueueColumn[];
  isSelected: boolean;
  isPending: boolean;
  minute: number;
  theme: Theme;
}

/**
 * One ticket, one line: a single layout node with coloured spans inside (cheap for Yoga), re-rendered
 * only when the ticket, the selection, the columns or the minute changes.
 */
const Row = memo(function Row({ ticket, columns, isSelected, isPending, minute, theme }: RowProps) {
  const now = minute * 60_000;
  return (
    <Text inverse={isSelected} wrap="truncate-end">
      <Text color={isPending ? theme.color('ui.pending') : undefined}>{isPending ? '~' : isSelected ? '›' : ' '}</Text>
      {columns.map((c) => {
        const token = cellToken(ticket, c.key, now);
        return (
          <Text key={c.key} color={token && theme.color(token)}>
            {cellText(ticket, c, now)}
            {c.key === 'due' ? '' : ' '}
          </Text>
        );
      })}
    </Text>
  );
});

export function Tabs({ state, theme }: { state: TuiState; theme: Theme }) {
  return (
    <Box>
      {VIEWS.filter((v) => v.id !== 'saved' || state.savedSearch !== null).map((v, i) => {
        const count = state.counts[v.id];
        const label = ` ${i + 1} ${v.id === 'saved' ? `Saved: ${safeLine(state.savedSearch ?? '').slice(0, 16)}` : v.title}${count === undefined ? '' : ` (${count})`} `;
        return (
          <Text key={v.id} inverse={v.id === state.view} bold={v.id === state.view} color={v.id === state.view ? undefined : theme.color('ui.muted')}>
            {label}
          </Text>
        );
      })}
    </Box>
  );
}

export function QueueScreen({ state, theme, height, now }: { state: TuiState; theme: Theme; height: number; now: number }) {
  const columns = useMemo(() => queueColumns(state.size.columns), [state.size.columns]);
  const listHeight = Math.max(1, height - 2);
  const start = Math.max(state.offset, state.cursor - listHeight + 1, 0);
  const slice = state.rows.slice(start, start + listHeight);
  const minute = Math.floor(now / 60_000);
  return (
    <Box flexDirection="column" height={height}>
      <Tabs state={state} theme={theme} />
      <Text bold color={theme.color('ui.accent')}>
        {' '}
        {columns.map((c) => `${c.align === 'right' ? c.header.padStart(c.width) : c.header.padEnd(c.width)}`).join(' ')}
      </Text>
      {slice.length === 0 ? (
        <Text color={theme.color('ui.muted')}>{state.isLoading ? ' Loading…' : state.filter ? ' No tickets match the filter.' : ' Nothing in this view.'}</Text>
      ) : (
        slice.map((t) => <Row key={t.number} ticket={t} columns={columns} isSelected={t.number === state.selected} isPending={t.number in state.pending} minute={minute} theme={theme} />)
      )}
    </Box>
  );
}
