import { UsageError } from '../../errors.js';
import { defineCommand } from '../command.js';

// Not implemented yet: a placeholder so the registry and help list the command.
export const scanCommand = defineCommand({
  command: 'scan',
  describe: 'scan (not implemented yet)',
  builder: (yargs) => yargs,
  run: async () => {
    throw new UsageError('scan: not implemented yet');
  },
});
