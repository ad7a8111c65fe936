// The derived rows of one room: what the fold made of its logged events,
// flattened into the register's tables. Pure: a case record and the context
// in, rows out; ingest.ts deletes the room's old rows and inserts these.
import { DEFAULT_REGISTRY, isTerminal, lastChangeOf, type CaseRecord, type OpenedCase, type RoomId } from '../../policies/cases/index.ts';
import { canonicalJson } from './canonical.ts';
import { respondByOf } from './respond-by.ts';
import type { amendments, cases, links, parties, rejections, transitions } from './schema.ts';
import type { RegisterContext } from './types.ts';

export interface DerivedRows {
	readonly cases: (typeof cases.$inferInsert)[];
	readonly parties: (typeof parties.$inferInsert)[];
	readonly transitions: (typeof transitions.$inferInsert)[];
	readonly amendments: (typeof amendments.$inferInsert)[];
	readonly links: (typeof links.$inferInsert)[];
	readonly rejections: (typeof rejections.$inferInsert)[];
}

export function deriveRows(record: CaseRecord, context: RegisterContext): DerivedRows {
	const roomId = record.room;
	const rejected = record.rejected.map((r, i) => ({
		roomId,
		position: i + 1,
		eventId: r.eventId,
		sender: r.sender,
		at: r.at,
		code: r.code,
		reason: r.reason,
	}));
	if (!record.opened) {
		return {
			cases: [{ roomId, opened: false, rejectedCount: rejected.length }],
			parties: [],
			transitions: [],
			amendments: [],
			links: [],
			rejections: rejected,
		};
	}
	return {
		cases: [caseRow(record, context, rejected.length)],
		parties: (['requesting', 'requested'] as const).map((side) => {
			const authority = record.parties[side];
			return {
				roomId,
				side,
				authority,
				country: context.roster.authorities.find((a) => a.id === authority)?.country ?? null,
				reference: record.references[side] ?? null,
			};
		}),
		transitions: record.statusHistory.map((t, i) => ({
			roomId,
			position: i + 1,
			eventId: t.eventId,
			follows: t.follows,
			fromStatus: t.from,
			toStatus: t.to,
			reason: t.reason ?? null,
			by: t.by,
			side: t.side,
			at: t.at,
		})),
		amendments: record.amendments.map((a, i) => ({
			roomId,
			position: i + 1,
			eventId: a.eventId,
			changes: canonicalJson(a.changes),
			previous: canonicalJson(a.previous),
			reason: a.reason,
			by: a.by,
			side: a.side,
			at: a.at,
		})),
		links: record.links.map((l, i) => ({
			roomId,
			position: i + 1,
			eventId: l.eventId,
			relation: l.relation,
			end: l.end ?? null,
			target: l.target,
			by: l.by,
			side: l.side,
			at: l.at,
		})),
		rejections: rejected,
	};
}

function caseRow(record: OpenedCase, context: RegisterContext, rejectedCount: number): typeof cases.$inferInsert {
	const workflow = (context.workflows ?? DEFAULT_REGISTRY).get(record.workflow);
	const { title, urgency, channel, legalBasis, offences } = record.fields;
	return {
		roomId: record.room,
		opened: true,
		kind: record.kind,
		workflow: record.workflow,
		requesting: record.parties.requesting,
		requested: record.parties.requested,
		requestingReference: record.references.requesting ?? null,
		requestedReference: record.references.requested ?? null,
		title,
		status: record.status,
		terminal: workflow === undefined ? null : isTerminal(workflow, record.status),
		urgency,
		channel,
		respondBy: respondByOf(record.fields) ?? null,
		fields: canonicalJson({ legalBasis, offences }),
		openedBy: record.openedBy.by,
		openedEvent: record.openedBy.eventId,
		openedAt: record.openedBy.at,
		lastChangeAt: lastChangeOf(record),
		head: record.head,
		notes: record.notes,
		openConflict: record.openConflict !== undefined,
		rejectedCount,
	};
}

/** The rooms a batch touched, in a fixed order. */
export const sortedRooms = (rooms: Iterable<RoomId>): RoomId[] => [...new Set(rooms)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
