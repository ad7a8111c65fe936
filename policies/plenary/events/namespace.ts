// Where a plenary event keeps its payload, and the caps on what it may hold.
// Plenary events come from the secretariat and from every member's people;
// the parser refuses anything longer than these instead of carrying it into
// the fold, the UI and the minutes export.
// NOTE: a whole Matrix event is capped at 65,536 bytes (spec: "Size limits"),
// so no single field here needs more; the minutes text per language is the
// one long field, and five of them must still fit in one event.
import { NAMESPACE } from '../../cases/vocabulary/namespace.ts';

/** The content key that holds a plenary event's payload (docs/plenaries.md, "Events"). */
export const PLENARY_KEY = `${NAMESPACE}.plenary` as const;

/** The content key a decision poll's `org.matrix.msc3381.poll.start` carries beside the poll: which plenary item it decides. */
export const PLENARY_VOTE_KEY = `${NAMESPACE}.plenary.vote` as const;

/** The payload format version this code writes and reads (both keys). */
export const PLENARY_VERSION = 1 as const;

/** The payload types (types.ts, PlenaryPayload). */
export const PLENARY_EVENT_TYPES = ['plenary', 'attendance', 'minutes'] as const;

export const PLENARY_LIMITS = {
	body: 4_000,
	/** A plenary's or an agenda item's id. */
	id: 64,
	/** A title, a document title, per language. */
	title: 300,
	agendaItems: 50,
	documents: 50,
	/** An attendance note. */
	note: 1_000,
	/** The minutes, per language. */
	minutesText: 12_000,
	/** Decisions the minutes reference. */
	decisions: 100,
	/** An mxc:// URI. */
	mxc: 500,
	mimetype: 255,
	/** MSC3381: "The array is truncated to 20 maximum options"; selections are read up to the same number. */
	pollAnswers: 20,
	answerId: 100,
	question: 1_000,
	answerText: 300,
	/** Distinct authorities a quorum may ask for: more than any network has. */
	quorum: 1_000,
} as const;
