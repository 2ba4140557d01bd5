import { UsageError } from '../../errors.js';
import { defineCommand } from '../command.js';

// Not implemented yet: a placeholder so the registry and help list the command.
export const endpointsCommand = defineCommand({
  command: 'endpoints',
  describe: 'endpoints (not implemented yet)',
  builder: (yargs) => yargs,
  run: async () => {
    throw new UsageError('endpoints: not implemented yet');
  },
});
