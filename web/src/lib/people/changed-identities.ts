// People whose changed identity this browser is still to settle. Verifying
// again a person whose verified identity changed first withdraws the old
// verification (the crypto would refuse to send them anything otherwise,
// lib/matrix/user-verification.ts), and from then on the crypto reports them
// as merely "not verified". The warning must stay until the person is
// verified again or their new identity accepted (issue 12), even if the
// verification is abandoned or the page reloaded: so the browser remembers
// them, per signed-in user, until one of those happens.
import type { UserTrust } from '../matrix/user-trust.ts';

/** The trust to show: "changed" for a remembered person the crypto now calls merely unverified. */
export function shownTrust(crypto: UserTrust, remembered: boolean): UserTrust {
	return remembered && (crypto === 'unverified' || crypto === 'unknown') ? 'changed' : crypto;
}

export class ChangedIdentities {
	readonly #storage: Pick<Storage, 'getItem' | 'setItem'> | undefined;
	readonly #key: string;
	readonly #ids: Set<string>;

	constructor(storage: Pick<Storage, 'getItem' | 'setItem'> | undefined, ownUserId: string) {
		this.#storage = storage;
		this.#key = `rogatory.changed-identities.${ownUserId}`;
		this.#ids = new Set(read(storage?.getItem(this.#key) ?? null));
	}

	has(userId: string): boolean {
		return this.#ids.has(userId);
	}

	/** The person's changed identity is being verified again: remember it until settled. */
	remember(userId: string): void {
		if (this.#ids.has(userId)) return;
		this.#ids.add(userId);
		this.#write();
	}

	/** Verified again, or the new identity accepted. */
	settle(userId: string): void {
		if (!this.#ids.delete(userId)) return;
		this.#write();
	}

	#write(): void {
		try {
			this.#storage?.setItem(this.#key, JSON.stringify([...this.#ids]));
		} catch {
			// A full or refused storage: remembered for this page only.
		}
	}
}

function read(text: string | null): string[] {
	if (text === null) return [];
	try {
		const value: unknown = JSON.parse(text);
		return Array.isArray(value) ? value.filter((id): id is string => typeof id === 'string') : [];
	} catch {
		return [];
	}
}
