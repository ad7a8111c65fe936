// What `rogatory admin-token` reads from a production homeserver.yaml: the
// server name, the registration secret's file, and the main process's own
// listener on loopback (the admin API's address from the host, as the web
// app's ROGATORY_SYNAPSE_ADMIN_URLS gives it). Pure: the parsed YAML in, the
// three or a sentence saying what is missing.
import { err, ok, type Result } from '../../../policies/result.ts';

export interface AdminEnds {
	readonly serverName: string;
	readonly sharedSecretPath: string;
	/** http://127.0.0.1:<port> of the main process's client listener. */
	readonly adminUrl: string;
}

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

const record = (value: unknown): Record<string, unknown> | undefined =>
	typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;

function servesClient(listener: Record<string, unknown>): boolean {
	const resources = Array.isArray(listener['resources']) ? listener['resources'] : [];
	return resources.some((r) => {
		const names = record(r)?.['names'];
		return Array.isArray(names) && names.includes('client');
	});
}

export function adminEnds(config: unknown, file: string): Result<AdminEnds, string> {
	const c = record(config);
	if (c === undefined) return err(`${file} is not a homeserver.yaml (no settings at its top)`);
	const serverName = c['server_name'];
	if (typeof serverName !== 'string' || serverName === '') return err(`${file} has no server_name`);
	const sharedSecretPath = c['registration_shared_secret_path'];
	if (typeof sharedSecretPath !== 'string' || sharedSecretPath === '')
		return err(
			`${file} has no registration_shared_secret_path: the admin account is registered with that secret (the generator writes it)`,
		);
	const listeners = Array.isArray(c['listeners']) ? c['listeners'].map(record).filter((l) => l !== undefined) : [];
	const main = listeners.find((l) => {
		const binds = Array.isArray(l['bind_addresses']) ? l['bind_addresses'] : [];
		return l['type'] === 'http' && servesClient(l) && binds.length > 0 && binds.every((b) => typeof b === 'string' && LOOPBACK.has(b));
	});
	const port = main?.['port'];
	if (typeof port !== 'number')
		return err(
			`${file} has no http listener serving the client API on loopback only: the main process's own, which the admin API is reached on`,
		);
	const host = (main?.['bind_addresses'] as string[])[0] === '::1' ? '[::1]' : '127.0.0.1';
	return ok({ serverName, sharedSecretPath, adminUrl: `http://${host}:${port}` });
}
