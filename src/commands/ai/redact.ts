import { Command } from 'commander';
import { redact } from '../../core/ai/redaction/index.js';
import { NexusError } from '../../core/errors.js';
import type { CliContext } from '../context.js';
import { readStdin } from '../io.js';
import { present } from '../output.js';

const collect = (value: string, previous: string[]) => [...previous, value];

export function redactCommand(ctx: CliContext): Command {
  return new Command('redact')
    .description('Run the AI output redactor on text from stdin: emails, phones, cards, IBANs, SSNs, IPs, profanity')
    .option('--allow-email <address>', 'also keep this address (repeatable; the published `companyEmails` are always kept)', collect, [])
    .option('--allow-phone <number>', 'keep this published phone number in any format (repeatable)', collect, [])
    .option('--json', 'print {"text","findings":[{"type","start","end"}]}')
    .addHelpText(
      'after',
      '\nOffsets are 0-based JavaScript string indices into the input; end is exclusive.\n\nExamples:\n  $ echo "Call me on +1 415 555 0175" | nexus ai redact\n  $ nexus ai redact --json < reply.txt\n  $ nexus ai redact --allow-phone "+1 800 555 0100" < reply.txt',
    )
    .action(async (flags: { allowEmail: string[]; allowPhone: string[]; json?: boolean }) => {
      if (ctx.io.stdin.isTTY) {
        throw new NexusError('INVALID_USAGE', 'nexus ai redact reads the text from stdin', { hint: 'Pipe text in: `nexus ai redact < reply.txt`.' });
      }
      const { config } = await ctx.config();
      const input = await readStdin(ctx.io.stdin);
      const result = redact(input, { allowedEmails: [...config.companyEmails, ...flags.allowEmail], allowedPhones: [...config.companyPhones, ...flags.allowPhone] });
      const document = { text: result.text, findings: result.findings.map(({ type, start, end }) => ({ type, start, end })) };
      if (flags.json) present(ctx, flags, document, () => '');
      else ctx.io.stdout.write(document.text);
    });
}
