import { UsageError } from '../../errors.js';
import { defineCommand } from '../command.js';

// Not implemented yet: a placeholder so the registry and help list the command.
export const sinceCommand = defineCommand({
  command: 'since',
  describe: 'since (not implemented yet)',
  builder: (yargs) => yargs,
  run: async () => {
    throw new UsageError('since: not implemented yet');
  },
});
