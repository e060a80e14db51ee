import { Box, Text } from 'ink';
import { paneBody, paneHeader } from './pane-lines.js';
import type { TuiState } from './state.js';
import type { Theme } from './theme.js';

/** The selected ticket: what it is, how it is filed, and its thread or history, scrolled. */
export function TicketPane({ state, theme, height, now }: { state: TuiState; theme: Theme; height: number; now: number }) {
  const width = Math.max(20, state.size.columns - 2);
  if (!state.detail) {
    return (
      <Box height={height}>
        <Text color={theme.color('ui.muted')}> Loading #{state.selected}…</Text>
      </Box>
    );
  }
  const header = paneHeader(state.detail, width, now);
  const body = paneBody(state.detail, width, state.showHistory);
  const bodyHeight = Math.max(1, height - header.length - 1);
  const top = Math.min(state.scroll, Math.max(0, body.length - bodyHeight));
  const shown = body.slice(top, top + bodyHeight);
  const more = body.length > top + bodyHeight ? ` ↓ ${body.length - top - bodyHeight} more lines` : '';
  return (
    <Box flexDirection="column" height={height}>
      {header.map((line, i) => (
        <Text key={`h${i}`} bold={line.bold} color={line.token && theme.color(line.token)} wrap="truncate-end">
          {' '}
          {line.text}
        </Text>
      ))}
      <Text color={theme.color('ui.muted')} wrap="truncate-end">
        {'─'.repeat(Math.max(0, width - more.length))}
        {more}
      </Text>
      {shown.map((line, i) => (
        <Text key={`b${top + i}`} bold={line.bold} color={line.token && theme.color(line.token)} wrap="truncate-end">
          {' '}
          {line.text}
        </Text>
      ))}
    </Box>
  );
}
