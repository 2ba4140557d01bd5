import { UsageError } from '../../errors.js';
import { defineCommand } from '../command.js';

// Not implemented yet: a placeholder so the registry and help list the command.
export const diffCommand = defineCommand({
  command: 'diff',
  describe: 'diff (not implemented yet)',
  builder: (yargs) => yargs,
  run: async () => {
    throw new UsageError('diff: not implemented yet');
  },
});
