import { UsageError } from '../../errors.js';
import { defineCommand } from '../command.js';

// Not implemented yet: a placeholder so the registry and help list the command.
export const versionsCommand = defineCommand({
  command: 'versions',
  describe: 'versions (not implemented yet)',
  builder: (yargs) => yargs,
  run: async () => {
    throw new UsageError('versions: not implemented yet');
  },
});
