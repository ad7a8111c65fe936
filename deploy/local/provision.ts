// Accounts on local homeservers, made without any interactive flow: shared-
// secret registration (/_synapse/admin/v1/register), idempotent — an account
// that exists already is logged into instead. provisionRoster makes the
// roster's demo people, each on its authority's homeserver, and one admin
// account per homeserver (for admin API calls; see admin-api.ts).
import { readFileSync } from 'node:fs';
import { err, ok, type Result } from '../../policies/result.ts';
import type { Person, Roster } from '../../policies/roster/types.ts';
import { homeserverFiles } from '../config/layout.ts';
import { describeError, requestJson } from './http.ts';
import { keptPassword } from './passwords.ts';
import { registrationMac } from './registration-mac.ts';
import { randomSecret, writePrivate } from './secrets.ts';
import type { LocalHomeserver } from './types.ts';

export interface Account {
	readonly userId: string;
	readonly accessToken: string;
	readonly deviceId: string;
	readonly password: string;
	readonly homeserver: LocalHomeserver;
}

export interface RegisterOptions {
	readonly admin?: boolean;
	/** Default: a fresh random one (returned in the Account). */
	readonly password?: string;
	readonly displayName?: string;
	/** Reuse this device on every call (default: a new device each time). */
	readonly deviceId?: string;
}

export interface ProvisionedPerson {
	readonly person: Person;
	readonly account: Account;
}

export interface ProvisionedPeople {
	readonly people: readonly ProvisionedPerson[];
	/** One admin account per homeserver id (members and outsider). */
	readonly admins: Readonly<Record<string, Account>>;
}

export const ADMIN_LOCALPART = 'rogatory-admin';
/** The device provisioning logs into, so that repeated starts do not pile up devices. */
export const PROVISIONING_DEVICE = 'ROGATORY_PROVISIONING';

export async function registerAccount(
	hs: LocalHomeserver,
	localpart: string,
	options: RegisterOptions = {},
): Promise<Result<Account, string>> {
	let secret: string;
	try {
		secret = readFileSync(homeserverFiles(hs.dataDir).registrationSecret, 'utf8').trim();
	} catch {
		return err(`${hs.id} has no registration secret in ${hs.dataDir}: is it a homeserver started by deploy/local?`);
	}
	const password = options.password ?? randomSecret(12);
	const admin = options.admin ?? false;
	const endpoint = `${hs.clientUrl}/_synapse/admin/v1/register`;
	const nonce = await requestJson('GET', endpoint);
	if (!nonce.ok) return err(`could not get a registration nonce from ${hs.id}: ${describeError(nonce.error)}`);
	const registered = await requestJson('POST', endpoint, {
		body: {
			nonce: nonce.value['nonce'],
			username: localpart,
			password,
			admin,
			mac: registrationMac(secret, String(nonce.value['nonce']), localpart, password, admin),
			...(options.displayName === undefined ? {} : { displayname: options.displayName }),
			...(options.deviceId === undefined ? {} : { device_id: options.deviceId }),
		},
	});
	if (registered.ok) return ok(toAccount(registered.value, password, hs));
	if (registered.error.errcode !== 'M_USER_IN_USE') {
		return err(`could not register ${localpart} on ${hs.id}: ${describeError(registered.error)}`);
	}
	const login = await requestJson('POST', `${hs.clientUrl}/_matrix/client/v3/login`, {
		body: {
			type: 'm.login.password',
			identifier: { type: 'm.id.user', user: localpart },
			password,
			...(options.deviceId === undefined ? {} : { device_id: options.deviceId }),
		},
	});
	if (!login.ok) {
		return err(
			`${localpart} already exists on ${hs.id} but logging in failed: ${describeError(login.error)}. ` +
				(options.password === undefined
					? 'Pass the password it was created with.'
					: `Its password is not the one kept in ${hs.dataDir}/secrets/.`),
		);
	}
	return ok(toAccount(login.value, password, hs));
}

function toAccount(body: Record<string, unknown>, password: string, homeserver: LocalHomeserver): Account {
	return {
		userId: String(body['user_id']),
		accessToken: String(body['access_token']),
		deviceId: String(body['device_id']),
		password,
		homeserver,
	};
}

/** A kept-password account: the same password on every run (demo people, admins). */
function provisionKept(hs: LocalHomeserver, localpart: string, options: { admin?: boolean; displayName?: string }) {
	return registerAccount(hs, localpart, { ...options, password: keptPassword(hs.dataDir, localpart), deviceId: PROVISIONING_DEVICE });
}

export async function provisionRoster(
	fed: { readonly homeservers: readonly LocalHomeserver[]; homeserver(id: string): LocalHomeserver },
	roster: Roster,
): Promise<Result<ProvisionedPeople, string>> {
	const admins: Record<string, Account> = {};
	for (const hs of fed.homeservers) {
		const admin = await provisionKept(hs, ADMIN_LOCALPART, { admin: true, displayName: `${hs.id} administrator` });
		if (!admin.ok) return admin;
		admins[hs.id] = admin.value;
		// The web server's offboarding reads it (the demo sites' homeserver.admin_token_file);
		// rewritten on every start, as logging in again ends the device's previous token.
		writePrivate(homeserverFiles(hs.dataDir).adminToken, `${admin.value.accessToken}\n`);
	}
	const people: ProvisionedPerson[] = [];
	for (const person of roster.people) {
		const account = await provisionKept(fed.homeserver(person.authority), person.localpart, { displayName: person.displayName });
		if (!account.ok) return account;
		people.push({ person, account: account.value });
	}
	return ok({ people, admins });
}
