import { Box, Text } from 'ink';
import { keyGroups } from './keymap.js';
import type { Theme } from './theme.js';

/** Lines of the key list, from the key map (the same table the handlers and docs/tui.md use). */
export function helpLines(): { text: string; isTitle: boolean }[] {
  const lines: { text: string; isTitle: boolean }[] = [];
  for (const group of keyGroups()) {
    lines.push({ text: group.title, isTitle: true });
    for (const b of group.bindings) lines.push({ text: `  ${b.keys.join(' ').padEnd(22)} ${b.description}`, isTitle: false });
  }
  return lines;
}

/** Every key, scrolled with j/k. */
export function HelpOverlay({ theme, height, scroll }: { theme: Theme; height: number; scroll: number }) {
  const lines = helpLines();
  const room = Math.max(1, height - 1);
  const top = Math.min(scroll, Math.max(0, lines.length - room));
  return (
    <Box flexDirection="column" height={height}>
      <Text bold color={theme.color('ui.accent')} wrap="truncate-end">
        {' '}Keys — j/k scroll · ? or Esc closes{lines.length > top + room ? ` · ${lines.length - top - room} more below` : ''}
      </Text>
      {lines.slice(top, top + room).map((line, i) => (
        <Text key={top + i} bold={line.isTitle} color={line.isTitle ? theme.color('ui.accent') : undefined} wrap="truncate-end">
          {' '}
          {line.text}
        </Text>
      ))}
    </Box>
  );
}
