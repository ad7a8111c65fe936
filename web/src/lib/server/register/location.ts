// Where an authority's bridge writes its register: beside the federation
// file, .data/<profile>/bridges/<authority-id>/register.sqlite.
import { dirname, join, resolve } from 'node:path';

export const REGISTER_FILE = 'register.sqlite';

export function registerPath(federationFile: string, authorityId: string): string {
	return join(dirname(resolve(federationFile)), 'bridges', authorityId, REGISTER_FILE);
}
