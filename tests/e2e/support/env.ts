// What the end-to-end tests are told by the orchestrator that started the
// servers: where the web app answers and which federation file it serves.
import { readFileSync } from 'node:fs';
import { parseFederation, type FederationDescription } from '../../../web/src/lib/deployment/federation-file.ts';

function required(name: string): string {
	const value = process.env[name];
	if (value === undefined || value === '')
		throw new Error(`${name} is not set: the end-to-end tests run against servers the orchestrator starts (npm test), which sets it.`);
	return value;
}

export function webUrl(): string {
	return required('ROGATORY_WEB_URL');
}

/** The federation the web app serves, parsed by the app's own parser. */
export function federation(): FederationDescription {
	const path = required('ROGATORY_FEDERATION');
	const parsed = parseFederation(readFileSync(path, 'utf8'));
	if (!parsed.ok) throw new Error(`${path} (ROGATORY_FEDERATION): ${parsed.error}`);
	return parsed.value;
}

/**
 * Where the browser reaches a homeserver's client API: through the web app,
 * same-origin (web/proxy/; the app's web/src/lib/homeserver/same-origin.ts).
 */
export function browserClientUrl(homeserver: { readonly serverName: string }): string {
	return `${webUrl()}/matrix/${homeserver.serverName}`;
}
