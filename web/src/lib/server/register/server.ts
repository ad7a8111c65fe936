// Opens the register of an authority for one request: the file its bridge
// writes beside the federation file, read-only. No file yet means the bridge
// has not written one (the page says so); any other failure is "unreadable"
// with the detail for the server log.
import { existsSync } from 'node:fs';
import { ROGATORY_FEDERATION } from '$app/env/private';
import { demoRoster } from '../../../../../policies/roster/demo.ts';
import type { AuthorityId } from '../../../../../policies/roster/types.ts';
import { openBridgeRegister } from './bridge-source.ts';
import { registerPath } from './location.ts';
import type { RegisterOpening } from './types.ts';

export function openAuthorityRegister(authorityId: AuthorityId): RegisterOpening {
	if (ROGATORY_FEDERATION === undefined) return { kind: 'unreadable', detail: 'ROGATORY_FEDERATION is not set: no register can be found' };
	const file = registerPath(ROGATORY_FEDERATION, authorityId);
	if (!existsSync(file)) return { kind: 'missing' };
	return openBridgeRegister(file, authorityId, demoRoster);
}

export function logRegisterProblem(message: string): void {
	console.error(`rogatory web: ${message}`);
}
