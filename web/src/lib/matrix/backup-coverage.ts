// How many of the message keys this browser holds are not in the account's
// key backup on the homeserver: what would be lost if this device were
// signed out now. Read with public APIs only — the keys the crypto exports
// (room and session IDs) against the backup's listing (GET
// /room_keys/keys, session IDs per room; the keys themselves stay
// encrypted there). Used before an unprotected crypto store is retired
// (store-access.ts), so that no key is lost without the person knowing.
import { err, ok, type Result } from '#policies/result.ts';
import { describeFailure, type Failure } from './failure.ts';
import type { MatrixClient } from './sdk.ts';

export interface BackupCoverage {
	/** Message keys (Megolm sessions) this browser holds. */
	readonly held: number;
	/** Of those, the ones the backup does not have. */
	readonly outside: number;
	/** Whether the account has a key backup at all. */
	readonly backup: boolean;
}

interface HeldKey {
	readonly room_id: string;
	readonly session_id: string;
}

type BackupListing = Readonly<Record<string, { readonly sessions?: Readonly<Record<string, unknown>> } | undefined>>;

/** The held keys the backup listing lacks. Pure. */
export function keysOutsideBackup(held: readonly HeldKey[], rooms: BackupListing): number {
	return held.filter((key) => rooms[key.room_id]?.sessions?.[key.session_id] === undefined).length;
}

async function backupListing(client: MatrixClient, version: string): Promise<BackupListing> {
	const url = `${client.getHomeserverUrl().replace(/\/+$/, '')}/_matrix/client/v3/room_keys/keys?version=${encodeURIComponent(version)}`;
	const response = await fetch(url, {
		headers: { Authorization: `Bearer ${client.getAccessToken() ?? ''}` },
		cache: 'no-store',
		credentials: 'omit',
		referrerPolicy: 'no-referrer',
	});
	if (!response.ok) throw new Error(`GET room_keys/keys: HTTP ${response.status}`);
	const body = (await response.json()) as { rooms?: BackupListing };
	return body.rooms ?? {};
}

export async function backupCoverage(client: MatrixClient): Promise<Result<BackupCoverage, Failure>> {
	const crypto = client.getCrypto();
	if (crypto === undefined) return err({ kind: 'unexpected', detail: 'the client was started without crypto' });
	try {
		const held = await crypto.exportRoomKeys();
		// The version this device writes to, else the account's current one (another device may have backed these keys up).
		const version = (await crypto.getActiveSessionBackupVersion()) ?? (await crypto.getKeyBackupInfo())?.version ?? null;
		if (version === null) return ok({ held: held.length, outside: held.length, backup: false });
		return ok({ held: held.length, outside: keysOutsideBackup(held, await backupListing(client, version)), backup: true });
	} catch (error) {
		return err(describeFailure(error));
	}
}
