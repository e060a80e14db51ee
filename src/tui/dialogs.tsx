import { Box, Text } from 'ink';
import { safeText } from '../core/text/terminal-safe.js';
import { keysOf } from './keymap.js';
import { wrapText } from './layout.js';
import type { Dialog } from './state.js';
import type { Theme } from './theme.js';

/** How many lines a dialog takes at the bottom of the screen (the screen above gets the rest). */
export function dialogHeight(dialog: Dialog | null, rows: number): number {
  if (!dialog || dialog.kind === 'help') return 0;
  switch (dialog.kind) {
    case 'editor':
      return Math.max(6, Math.floor(rows / 2));
    case 'picker':
      return Math.min(dialog.options.length, Math.max(3, rows - 12)) + 3;
    case 'prompt':
    case 'confirm':
      return 3;
    default: {
      const unhandled: never = dialog;
      throw new Error(`unhandled dialog ${JSON.stringify(unhandled)}`);
    }
  }
}

/** The inline editor: the draft's last lines, with a cursor at the end. */
export function Editor({ dialog, theme, height, width }: { dialog: Extract<Dialog, { kind: 'editor' }>; theme: Theme; height: number; width: number }) {
  const lines = wrapText(dialog.text, Math.max(10, width - 4));
  const room = Math.max(1, height - 3);
  const shown = lines.slice(-room);
  const title = dialog.mode === 'reply' ? `Reply to the customer on #${dialog.ticket}` : `Internal note on #${dialog.ticket}`;
  return (
    <Box flexDirection="column" borderStyle="round" borderColor={theme.color(dialog.mode === 'reply' ? 'message.agent' : 'message.internal')} height={height} width={width}>
      <Text bold wrap="truncate-end">
        {title} — {keysOf('editorSend')} send · {keysOf('editorExternal')} $EDITOR · {keysOf('editorCancel')} cancel
      </Text>
      {shown.map((line, i) => (
        <Text key={i} wrap="truncate-end">
          {line}
          {i === shown.length - 1 ? '▏' : ''}
        </Text>
      ))}
    </Box>
  );
}

export function Picker({ dialog, theme, height, width }: { dialog: Extract<Dialog, { kind: 'picker' }>; theme: Theme; height: number; width: number }) {
  const room = Math.max(1, height - 3);
  const top = Math.min(Math.max(0, dialog.index - room + 1), Math.max(0, dialog.options.length - room));
  return (
    <Box flexDirection="column" borderStyle="round" borderColor={theme.color('ui.accent')} height={height} width={width}>
      <Text bold wrap="truncate-end">
        {dialog.title} — j/k move · enter choose · esc cancel
      </Text>
      {dialog.options.slice(top, top + room).map((option, i) => (
        <Text key={option} inverse={top + i === dialog.index} wrap="truncate-end">
          {top + i === dialog.index ? '› ' : '  '}
          {safeText(option)}
        </Text>
      ))}
    </Box>
  );
}

export function Prompt({ dialog, theme, width }: { dialog: Extract<Dialog, { kind: 'prompt' }>; theme: Theme; width: number }) {
  return (
    <Box borderStyle="round" borderColor={theme.color('ui.accent')} height={3} width={width}>
      <Text wrap="truncate-start">
        {dialog.title}: {safeText(dialog.text)}▏
      </Text>
    </Box>
  );
}

export function Confirm({ dialog, theme, width }: { dialog: Extract<Dialog, { kind: 'confirm' }>; theme: Theme; width: number }) {
  return (
    <Box borderStyle="round" borderColor={theme.color('ui.pending')} height={3} width={width}>
      <Text bold wrap="truncate-end">
        {dialog.message} (y/enter: yes · n/esc: no)
      </Text>
    </Box>
  );
}

export function DialogView({ dialog, theme, rows, width }: { dialog: Dialog; theme: Theme; rows: number; width: number }) {
  const height = dialogHeight(dialog, rows);
  switch (dialog.kind) {
    case 'editor':
      return <Editor dialog={dialog} theme={theme} height={height} width={width} />;
    case 'picker':
      return <Picker dialog={dialog} theme={theme} height={height} width={width} />;
    case 'prompt':
      return <Prompt dialog={dialog} theme={theme} width={width} />;
    case 'confirm':
      return <Confirm dialog={dialog} theme={theme} width={width} />;
    case 'help':
      return null;
    default: {
      const unhandled: never = dialog;
      throw new Error(`unhandled dialog ${JSON.stringify(unhandled)}`);
    }
  }
}
