// The fold: a case room's events in any order → the case record. Browser and
// bridge both call it (ARCHITECTURE.md, decision 4), so for the same set of
// events every client computes the same record. It never throws: whatever it
// cannot use is listed in `rejected` with a reason.
import { transitionIdOf } from '../ids/case.ts';
import type { CaseEvent, Settled, Transition } from '../events/types.ts';
import { rejection } from '../events/rejection.ts';
import { DEFAULT_REGISTRY } from '../workflows/registry.ts';
import { applyAmendment } from './amend.ts';
import { walkChain } from './chain.ts';
import { applyLink } from './links.ts';
import { chooseOpening, type Opening } from './opening.ts';
import { compareRejected, compareStamps, prepare, rejected, type Parsed } from './order.ts';
import { sideOf } from './parties.ts';
import type { Amendment, CaseEventEnvelope, CaseLink, CaseRecord, FoldContext, OpenedCase, RejectedEvent, Stamp } from './types.ts';

const isType =
	<T extends CaseEvent['type']>(type: T) =>
	(p: Parsed): p is Parsed<Extract<CaseEvent, { type: T }>> =>
		p.event.type === type;

function foldOpened(events: readonly Parsed[], opening: Opening, context: FoldContext, refused: RejectedEvent[]): OpenedCase {
	const o = opening.parsed;
	const parties = { requesting: o.event.requesting, requested: o.event.requested };
	const side = (p: Parsed) => sideOf(p.sender, parties, context.servers);
	const refuse = (p: Parsed, code: Parameters<typeof rejection>[0], reason: string) =>
		refused.push(rejected(p.eventId, p.sender, p.at, code, reason));

	const chain = walkChain({
		root: transitionIdOf(o.eventId),
		workflow: opening.workflow,
		transitions: events.filter(isType('transition')).map((p: Parsed<Transition>) => ({ ...p, side: side(p) })),
		settlements: events.filter(isType('settled')).map((p: Parsed<Settled>) => ({ ...p, side: side(p) })),
	});
	refused.push(...chain.rejected);

	let fields = o.event.fields;
	const amendments: Amendment[] = [];
	let links: readonly CaseLink[] = [];
	let notes = 0;
	const acknowledgements: Stamp[] = [];
	for (const p of events) {
		if (p.event.type === 'opened' || p.event.type === 'transition' || p.event.type === 'settled') continue;
		const s = side(p);
		if (compareStamps(p, o) < 0) refuse(p, 'before-opening', `sent before the opening event ${o.eventId}`);
		else if (s === undefined) refuse(p, 'not-a-party', `${p.sender} does not act for either authority of this case`);
		else if (isType('amended')(p)) {
			const applied = applyAmendment(fields, p, s);
			if ('code' in applied) refuse(p, applied.code, applied.reason);
			else {
				fields = applied.fields;
				amendments.push(applied.amendment);
			}
		} else if (isType('link')(p)) {
			const applied = applyLink(links, p, s, context.room);
			if ('code' in applied) refuse(p, applied.code, applied.reason);
			else links = applied;
		} else if (isType('acknowledged')(p)) {
			if (s !== 'requested') refuse(p, 'wrong-side', 'only the requested authority’s people acknowledge a request');
			else if (!acknowledgements.some((a) => a.by === p.sender))
				acknowledgements.push({ eventId: p.eventId, by: p.sender, side: s, at: p.at });
		} else notes++;
	}

	const openConflict = chain.conflicts.find((c) => c.settlement === undefined);
	const references = {
		...(fields.requestingReference === undefined ? {} : { requesting: fields.requestingReference }),
		...(fields.requestedReference === undefined ? {} : { requested: fields.requestedReference }),
	};
	return {
		room: context.room,
		opened: true,
		openedBy: { eventId: o.eventId, by: o.sender, side: opening.side, at: o.at },
		kind: o.event.kind,
		workflow: o.event.workflow,
		parties,
		references,
		fields,
		amendments,
		status: chain.status,
		head: chain.head,
		statusHistory: chain.history,
		notes,
		acknowledgements,
		links,
		conflicts: chain.conflicts,
		...(openConflict === undefined ? {} : { openConflict }),
		rejected: refused.sort(compareRejected),
	};
}

/** Folds a room's events (chat messages among them are skipped) into its case record. */
export function foldCase(events: readonly CaseEventEnvelope[], context: FoldContext): CaseRecord {
	const prepared = prepare(events);
	const refused = prepared.rejected;
	const openings = prepared.events.filter(isType('opened'));
	const chosen = chooseOpening(openings, context, context.workflows ?? DEFAULT_REGISTRY);
	refused.push(...chosen.rejected);
	const others = prepared.events.filter((p) => p.event.type !== 'opened');
	if (chosen.opening === undefined) {
		for (const p of others) refused.push(rejected(p.eventId, p.sender, p.at, 'no-opening', 'the case has no valid opening event (yet)'));
		return { room: context.room, opened: false, rejected: refused.sort(compareRejected) };
	}
	return foldOpened(others, chosen.opening, context, refused);
}
