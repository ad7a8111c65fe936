// The federation file (ROGATORY_FEDERATION, written by the local federation to
// .data/<profile>/federation.json): parsed and checked here, naming the broken
// key (STYLE.md, 8). Keys this app does not use are allowed; others add them.
import { err, ok, type Result } from '#policies/result.ts';
import type { HomeserverView } from './types.ts';

export interface FederationDescription {
	readonly profile: string;
	readonly homeservers: readonly HomeserverView[];
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function nonEmptyString(record: Record<string, unknown>, key: string, where: string): Result<string> {
	const value = record[key];
	if (typeof value !== 'string' || value.trim() === '') return err(`${where}${key}: must be a non-empty string`);
	return ok(value);
}

function httpUrl(record: Record<string, unknown>, key: string, where: string): Result<string> {
	const text = nonEmptyString(record, key, where);
	if (!text.ok) return text;
	const url = URL.parse(text.value);
	if (url === null || (url.protocol !== 'http:' && url.protocol !== 'https:'))
		return err(`${where}${key}: must be an http or https URL (got ${JSON.stringify(text.value)})`);
	return ok(text.value.replace(/\/+$/, ''));
}

function parseHomeserver(value: unknown, index: number): Result<HomeserverView> {
	const where = `homeservers[${index}].`;
	if (!isRecord(value)) return err(`homeservers[${index}]: must be an object`);
	const id = nonEmptyString(value, 'id', where);
	if (!id.ok) return id;
	const serverName = nonEmptyString(value, 'serverName', where);
	if (!serverName.ok) return serverName;
	const clientUrl = httpUrl(value, 'clientUrl', where);
	if (!clientUrl.ok) return clientUrl;
	return ok({ id: id.value, serverName: serverName.value, clientUrl: clientUrl.value });
}

/** Parses the file's text; the error names the first broken key. */
export function parseFederation(text: string): Result<FederationDescription> {
	let raw: unknown;
	try {
		raw = JSON.parse(text);
	} catch (error) {
		return err(`not valid JSON (${error instanceof Error ? error.message : String(error)})`);
	}
	if (!isRecord(raw)) return err('the top level must be an object');
	const profile = nonEmptyString(raw, 'profile', '');
	if (!profile.ok) return profile;
	if (!Array.isArray(raw['homeservers'])) return err('homeservers: must be a list');
	const homeservers: HomeserverView[] = [];
	const seen = new Set<string>();
	for (const [index, entry] of (raw['homeservers'] as unknown[]).entries()) {
		const homeserver = parseHomeserver(entry, index);
		if (!homeserver.ok) return homeserver;
		if (seen.has(homeserver.value.id)) return err(`homeservers[${index}].id: ${JSON.stringify(homeserver.value.id)} appears twice`);
		seen.add(homeserver.value.id);
		homeservers.push(homeserver.value);
	}
	return ok({ profile: profile.value, homeservers });
}
