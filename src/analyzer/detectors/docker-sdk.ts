import type { Detector } from '../detector.js';

// Placeholder until the docker-sdk detector lands: finds nothing.
export const dockerSdkDetector: Detector = {
  via: 'docker-sdk',
  triggers: [],
  detect: () => [],
};
