import { UsageError } from '../../errors.js';
import { defineCommand } from '../command.js';

// Not implemented yet: a placeholder so the registry and help list the command.
export const lintCommand = defineCommand({
  command: 'lint',
  describe: 'lint (not implemented yet)',
  builder: (yargs) => yargs,
  run: async () => {
    throw new UsageError('lint: not implemented yet');
  },
});
