import { UsageError } from '../../errors.js';
import { defineCommand } from '../command.js';

// Not implemented yet: a placeholder so the registry and help list the command.
export const specsCommand = defineCommand({
  command: 'specs',
  describe: 'specs (not implemented yet)',
  builder: (yargs) => yargs,
  run: async () => {
    throw new UsageError('specs: not implemented yet');
  },
});
