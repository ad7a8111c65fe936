// The invitations a person dismissed, remembered in this browser so a reload
// does not show them again (the decline sent with the dismissal may not have
// reached the homeserver, or the room may be gone for good).
import type { DismissedStore } from './invitations.ts';

/** The parts of `Storage` used here, so tests can pass a Map-backed fake. */
export type DismissedStorage = Pick<Storage, 'getItem' | 'setItem'>;

export class DismissedInvitations implements DismissedStore {
	readonly #key: string;
	readonly #storage: DismissedStorage | undefined;
	readonly #rooms: Set<string>;

	constructor(key: string, storage: DismissedStorage | undefined) {
		this.#key = key;
		this.#storage = storage;
		this.#rooms = new Set(read(storage, key));
	}

	has(roomId: string): boolean {
		return this.#rooms.has(roomId);
	}

	add(roomId: string): void {
		this.#rooms.add(roomId);
		try {
			this.#storage?.setItem(this.#key, JSON.stringify([...this.#rooms]));
		} catch {
			// A full or refused storage: dismissed for this visit only.
		}
	}
}

function read(storage: DismissedStorage | undefined, key: string): string[] {
	try {
		const parsed: unknown = JSON.parse(storage?.getItem(key) ?? '[]');
		return Array.isArray(parsed) ? parsed.filter((item): item is string => typeof item === 'string') : [];
	} catch {
		return [];
	}
}
