import { EXIT_FINDINGS, EXIT_OK } from '../../errors.js';
import { defineCommand, loadHistory } from '../command.js';

export const sinceCommand = defineCommand({
  command: 'since <query..>',
  describe: 'Since which API version an endpoint, parameter, field or enum value exists (and when it was deprecated or removed)',
  builder: (yargs) =>
    yargs
      .positional('query', {
        type: 'string',
        array: true,
        describe: 'An endpoint ("POST /containers/create", "/containers/json"), an element of one ("GET /images/json shared-size"), an operationId, a field name or "Field=value"',
      })
      .option('format', { choices: ['text', 'json'] as const, default: 'text', describe: 'Output format' })
      .option('json', { type: 'boolean', default: false, describe: 'Same as --format json' })
      .example('$0 since "POST /containers/create HostConfig.CgroupnsMode"', 'a body field of one endpoint')
      .example('$0 since /containers/abc/json', 'a concrete path: every method of the matching template')
      .example('$0 since CgroupnsMode', 'every element whose name ends with CgroupnsMode')
      .example('$0 since HostConfig.CgroupnsMode=private --json', 'an enum value, as JSON'),
  run: async (args, io) => {
    const { formatSinceText, querySince, toSinceJson } = await import('../../query/since.js');
    const query = ((args.query as (string | number)[] | undefined) ?? []).map(String).join(' ');
    const history = await loadHistory({ specs: args.specs as string | undefined, cwd: io.cwd });
    const result = querySince(history, query);
    if (args.json || args.format === 'json') {
      const json = toSinceJson(result) as Record<string, unknown>;
      if (result.matches.length === 0 && result.changelogOnly.length === 0) json.suggestions = result.suggestions;
      io.stdout(`${JSON.stringify(json, null, 2)}\n`);
    } else {
      io.stdout(formatSinceText(result));
    }
    return result.matches.length > 0 || result.changelogOnly.length > 0 ? EXIT_OK : EXIT_FINDINGS;
  },
});
