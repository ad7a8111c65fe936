// A person's phone and e-mail kept for the network's 24/7 points
// (docs/directory.md, "Contact details for 24/7 points only"): their entry in
// the directory room says so (`contactVisibility: points-247`) and carries
// neither; the `contact` event in the 24/7 room, which only the 24/7 points
// and the bridges hold, does. A reader who holds it sees them merged into the
// entry; any other reader sees the entry without them, and the marker that
// they exist. Pure.
import type { DirectoryPayload, PersonEntry, Stamp } from '../types.ts';

type Contact = Extract<DirectoryPayload, { type: 'contact' }>;

interface Held {
	readonly entry: PersonEntry;
	readonly updated: Stamp;
}

/** The entry as its reader sees it: with the counted `contact` payload merged in when the entry keeps its details for the 24/7 points. */
export function withContact<T extends Held>(held: T, contact: Contact | undefined): T {
	if (held.entry.contactVisibility === undefined) return held;
	// NOTE: the parser refuses a restricted entry that carries a phone or an
	// e-mail; dropping them here as well keeps this function safe on its own.
	const { phone: _phone, email: _email, ...entry } = held.entry;
	if (contact === undefined) return { ...held, entry };
	return {
		...held,
		entry: {
			...entry,
			...(contact.phone === undefined ? {} : { phone: contact.phone }),
			...(contact.email === undefined ? {} : { email: contact.email }),
		},
	};
}

/** Whether the reader sees a person's phone and e-mail only because they hold the 24/7 room, or not at all. */
export const isContactRestricted = (entry: PersonEntry): boolean => entry.contactVisibility === 'points-247';

/**
 * What an editor sends for a person entry: the entry alone when its phone and
 * e-mail are for everyone; when they are for the 24/7 points, the entry
 * without them (for the directory room) and a `contact` carrying them (for
 * the 24/7 room), with the same stamp.
 */
export function splitContact(entry: PersonEntry, updated: Stamp): { entry: PersonEntry; contact?: Contact } {
	if (entry.contactVisibility === undefined) return { entry };
	const { phone, email, ...bare } = entry;
	return {
		entry: bare,
		contact: {
			type: 'contact',
			authority: entry.authority,
			person: entry.id,
			...(phone === undefined ? {} : { phone }),
			...(email === undefined ? {} : { email }),
			updated,
		},
	};
}
