import { defineCommand, loadHistory } from '../command.js';

export const diffCommand = defineCommand({
  command: 'diff <from> <to>',
  describe: 'What changed between two API versions (cumulative), grouped by endpoint, breaking changes marked',
  builder: (yargs) =>
    yargs
      .positional('from', { type: 'string', describe: 'The older version, e.g. 1.41' })
      .positional('to', { type: 'string', describe: 'The newer version, e.g. 1.47' })
      .option('format', { choices: ['text', 'md', 'json'] as const, default: 'text', describe: 'Output format' })
      .option('breaking-only', { type: 'boolean', default: false, describe: 'Show only changes that break existing clients' })
      .example('$0 diff 1.41 1.47 --breaking-only', 'what breaks a client written for 1.41 when it talks 1.47')
      .example('$0 diff 1.43 1.44 --format md', 'as markdown'),
  run: async (args, io) => {
    const { formatDiff, queryDiff, toDiffJson } = await import('../../query/diff.js');
    const history = await loadHistory({ specs: args.specs as string | undefined, cwd: io.cwd });
    const report = queryDiff(history, String(args.from), String(args.to), { breakingOnly: Boolean(args['breaking-only']) });
    const format = args.format as 'text' | 'md' | 'json';
    io.stdout(format === 'json' ? `${JSON.stringify(toDiffJson(report), null, 2)}\n` : formatDiff(report, format));
    return 0;
  },
});
