import { Box, Text } from 'ink';
import { safeText } from '../core/text/terminal-safe.js';
import type { TuiState } from './state.js';
import type { Theme } from './theme.js';
import { VIEWS } from './views.js';

/** Two lines: where you are (who, view, filter, refresh, pending changes) and the last message or the main keys. */
export function StatusBar({ state, theme, me }: { state: TuiState; theme: Theme; me: string }) {
  const view = VIEWS.find((v) => v.id === state.view)!.title;
  const pending = Object.keys(state.pending).length;
  const parts = [
    `${me}`,
    state.screen === 'ticket' ? `#${state.selected}` : `${view} ${state.rows.length ? `${state.cursor + 1}/${state.rows.length}${state.hasMore ? '+' : ''}` : '0'}`,
    state.isFiltering || state.filter ? `filter: ${safeText(state.filter)}${state.isFiltering ? '▏' : ''}` : null,
    pending ? `${pending} pending` : null,
    state.refreshedAt ? `refreshed ${state.refreshedAt.slice(11, 19)}` : 'loading…',
  ].filter(Boolean);
  const hints =
    state.screen === 'queue'
      ? '?:keys /:filter enter:open a:assign me r:reply c:close 1-6/tab:views q:quit'
      : '?:keys r:reply n:note a:assign c:close H:history j/k:scroll q:back';
  const tone = state.message?.tone;
  return (
    <Box flexDirection="column">
      <Text inverse wrap="truncate-end">
        {` ${parts.join(' · ')} `.padEnd(state.size.columns)}
      </Text>
      <Text wrap="truncate-end" color={tone === 'error' ? theme.color('ui.error') : tone === 'success' ? theme.color('ui.success') : theme.color('ui.muted')}>
        {' '}
        {state.message ? safeText(state.message.text) : hints}
      </Text>
    </Box>
  );
}
