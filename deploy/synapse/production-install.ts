// The production profile's Synapse: the same pinned Synapse as everywhere
// (requirements.lock) plus its `postgres` and `redis` extras
// (production-extras.lock), in a venv of its own so the development one
// stays as the tests pin it. Kept in the checkout's .data/tools/ (each
// checkout its own, like its data); a real host uses the venv the runbook
// installs (deploy/production/README.md).
import { join } from 'node:path';
import type { Result } from '../../policies/result.ts';
import { ensurePinnedSynapse, PRODUCTION_EXTRAS_LOCK, type SynapseInstall } from './install.ts';
import { SYNAPSE_VERSION } from './version.ts';

const REQUIREMENTS = new URL('./requirements.lock', import.meta.url);

export const productionVenvDir = (root: string): string => join(root, '.data', 'tools', `synapse-${SYNAPSE_VERSION}-production`);

export const ensureProductionSynapse = (root: string, onProgress?: (line: string) => void): Promise<Result<SynapseInstall, string>> =>
	ensurePinnedSynapse(productionVenvDir(root), [REQUIREMENTS, PRODUCTION_EXTRAS_LOCK], onProgress);
