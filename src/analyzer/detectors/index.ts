import type { Detector } from '../detector.js';
import { axiosDetector } from './axios.js';
import { dockerModemDetector } from './docker-modem.js';
import { dockerSdkDetector } from './docker-sdk.js';
import { dockerodeDetector } from './dockerode.js';
import { fetchDetector } from './fetch.js';
import { gotDetector } from './got.js';
import { httpDetector } from './http.js';

/** Every detector the scan runs, explicitly: adding a client style means adding a line here. */
export const DETECTORS: readonly Detector[] = [
  fetchDetector,
  axiosDetector,
  gotDetector,
  httpDetector,
  dockerModemDetector,
  dockerodeDetector,
  dockerSdkDetector,
];
