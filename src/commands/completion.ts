import { Argument, Command } from 'commander';
import type { CliContext } from './context.js';

type Tree = { name: string; subcommands: string[]; flags: string[] }[];

/** Every top-level command with its verbs and flags, loaded from the registry. */
async function commandWords(ctx: CliContext): Promise<Tree> {
  const { COMMANDS } = await import('./registry.js');
  const tree: Tree = [];
  for (const entry of COMMANDS.filter((e) => !e.hidden)) {
    const command = (await entry.load()).command(ctx);
    const subs = command.commands.map((c) => c.name());
    const flags = [...command.options, ...command.commands.flatMap((c) => c.options)].map((o) => o.long).filter((f): f is string => Boolean(f));
    tree.push({ name: entry.name, subcommands: subs, flags: [...new Set(flags)].sort() });
  }
  return tree;
}

export function bashScript(tree: Tree): string {
  const cases = tree.map((t) => `    ${t.name}) words="${[...t.subcommands, ...t.flags].join(' ')}" ;;`).join('\n');
  return `# nexus completion for bash: eval "$(nexus completion bash)"
_nexus() {
  local cur="\${COMP_WORDS[COMP_CWORD]}" words
  if [ "$COMP_CWORD" -eq 1 ]; then
    words="${tree.map((t) => t.name).join(' ')} help completion"
  else
    case "\${COMP_WORDS[1]}" in
${cases}
    esac
  fi
  COMPREPLY=($(compgen -W "$words" -- "$cur"))
}
complete -F _nexus nexus
`;
}

export function zshScript(tree: Tree): string {
  return `#compdef nexus
# nexus completion for zsh: eval "$(nexus completion zsh)"
autoload -U bashcompinit && bashcompinit
${bashScript(tree)}`;
}

export function fishScript(tree: Tree): string {
  const top = tree.map((t) => `complete -c nexus -n '__fish_use_subcommand' -a '${t.name}'`);
  const subs = tree.flatMap((t) => [
    ...t.subcommands.map((s) => `complete -c nexus -n '__fish_seen_subcommand_from ${t.name}' -a '${s}'`),
    ...t.flags.map((f) => `complete -c nexus -n '__fish_seen_subcommand_from ${t.name}' -l '${f.replace(/^--/, '')}'`),
  ]);
  return `# nexus completion for fish: nexus completion fish | source\n${[...top, ...subs].join('\n')}\n`;
}

export function command(ctx: CliContext): Command {
  return new Command('completion')
    .description('Print a shell completion script (bash, zsh or fish)')
    .addArgument(new Argument('<shell>', 'bash, zsh or fish').choices(['bash', 'zsh', 'fish']))
    .addHelpText('after', '\nExamples:\n  $ eval "$(nexus completion bash)"     # in ~/.bashrc\n  $ eval "$(nexus completion zsh)"      # in ~/.zshrc\n  $ nexus completion fish | source      # in ~/.config/fish/config.fish')
    .action(async (shell: 'bash' | 'zsh' | 'fish') => {
      const tree = await commandWords(ctx);
      ctx.io.stdout.write(shell === 'bash' ? bashScript(tree) : shell === 'zsh' ? zshScript(tree) : fishScript(tree));
    });
}
