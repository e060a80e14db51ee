/**
 * Semantic colour tokens: components ask for `priority.urgent`, never for "red". With NO_COLOR set
 * (https://no-color.org) every token is plain text and emphasis falls back to bold/inverse.
 */
export type Token =
  | 'priority.urgent'
  | 'priority.high'
  | 'priority.medium'
  | 'priority.low'
  | 'status.open'
  | 'status.pending'
  | 'status.escalated'
  | 'status.assigned'
  | 'status.closed'
  | 'sla.breached'
  | 'sla.soon'
  | 'message.customer'
  | 'message.agent'
  | 'message.ai'
  | 'message.internal'
  | 'message.system'
  | 'ui.accent'
  | 'ui.muted'
  | 'ui.error'
  | 'ui.success'
  | 'ui.pending';

const COLOURS: Record<Token, string> = {
  'priority.urgent': 'red',
  'priority.high': 'yellow',
  'priority.medium': 'white',
  'priority.low': 'gray',
  'status.open': 'green',
  'status.pending': 'blue',
  'status.escalated': 'magenta',
  'status.assigned': 'cyan',
  'status.closed': 'gray',
  'sla.breached': 'red',
  'sla.soon': 'yellow',
  'message.customer': 'cyan',
  'message.agent': 'green',
  'message.ai': 'magenta',
  'message.internal': 'yellow',
  'message.system': 'gray',
  'ui.accent': 'cyan',
  'ui.muted': 'gray',
  'ui.error': 'red',
  'ui.success': 'green',
  'ui.pending': 'yellow',
};

export interface Theme {
  /** The colour for a token, or undefined when colour is off. */
  color: (token: Token) => string | undefined;
  isColor: boolean;
}

export function createTheme(env: Record<string, string | undefined>): Theme {
  const isColor = env.NO_COLOR === undefined || env.NO_COLOR === '';
  return { isColor, color: (token) => (isColor ? COLOURS[token] : undefined) };
}
