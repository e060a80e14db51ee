import { Box, useStdout } from 'ink';
import { useEffect, useMemo } from 'react';
import { DialogView, dialogHeight } from './dialogs.js';
import { HelpOverlay } from './help-overlay.js';
import { QueueScreen } from './queue-screen.js';
import { StatusBar } from './status-bar.js';
import { createTheme } from './theme.js';
import { TicketPane } from './ticket-pane.js';
import { useController, type ControllerOptions } from './use-controller.js';

export interface AppProps extends ControllerOptions {
  env: Record<string, string | undefined>;
  /** The clock for ages and SLA countdowns. */
  now?: () => number;
}

/** Routes to the screen of the moment; the behaviour lives in useController, the drawing in the screens. */
export function App(props: AppProps) {
  const { state, dispatch } = useController(props);
  const theme = useMemo(() => createTheme(props.env), [props.env]);
  const { stdout } = useStdout();
  useEffect(() => {
    const onResize = () => dispatch({ type: 'resize', columns: stdout.columns || 80, rows: stdout.rows || 24 });
    stdout.on('resize', onResize);
    return () => {
      stdout.off('resize', onResize);
    };
  }, [stdout, dispatch]);

  const { columns, rows } = state.size;
  const now = (props.now ?? Date.now)();
  // One line is kept free: a frame as tall as the terminal makes Ink repaint the whole screen.
  const body = rows - 1 - 2;
  const dialog = state.dialog;
  const screenHeight = Math.max(1, body - dialogHeight(dialog, rows));
  return (
    <Box flexDirection="column" width={columns}>
      {dialog?.kind === 'help' ? (
        <HelpOverlay theme={theme} height={body} scroll={dialog.scroll} />
      ) : state.screen === 'queue' ? (
        <QueueScreen state={state} theme={theme} height={screenHeight} now={now} />
      ) : (
        <TicketPane state={state} theme={theme} height={screenHeight} now={now} />
      )}
      {dialog && dialog.kind !== 'help' ? <DialogView dialog={dialog} theme={theme} rows={rows} width={columns} /> : null}
      <StatusBar state={state} theme={theme} me={props.desk.me.email} />
    </Box>
  );
}
