import { defineCommand, loadHistory } from '../command.js';

export const changelogCommand = defineCommand({
  command: 'changelog',
  describe: 'Per-version change log generated from the specs (each version against the previous one), newest first',
  builder: (yargs) =>
    yargs
      .option('from', { type: 'string', describe: 'Oldest version to list (default: all)' })
      .option('to', { type: 'string', describe: 'Newest version to list (default: the newest)' })
      .option('format', { choices: ['md', 'json'] as const, default: 'md', describe: 'Output format' })
      .example('$0 changelog --from 1.50', 'the changes of 1.50 and every later version')
      .example('$0 changelog --from 1.44 --to 1.44 --format json', 'one version as JSON'),
  run: async (args, io) => {
    const { formatChangelogMarkdown, queryChangelog, toChangelogJson } = await import('../../query/changelog.js');
    const history = await loadHistory({ specs: args.specs as string | undefined, cwd: io.cwd });
    const report = queryChangelog(history, {
      ...(args.from === undefined ? {} : { from: String(args.from) }),
      ...(args.to === undefined ? {} : { to: String(args.to) }),
    });
    io.stdout(args.format === 'json' ? `${JSON.stringify(toChangelogJson(report), null, 2)}\n` : formatChangelogMarkdown(report));
    return 0;
  },
});
