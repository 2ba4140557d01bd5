import { UsageError } from '../../errors.js';
import { defineCommand } from '../command.js';

// Not implemented yet: a placeholder so the registry and help list the command.
export const changelogCommand = defineCommand({
  command: 'changelog',
  describe: 'changelog (not implemented yet)',
  builder: (yargs) => yargs,
  run: async () => {
    throw new UsageError('changelog: not implemented yet');
  },
});
