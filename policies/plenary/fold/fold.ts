// The plenary fold: a network plenary room's events, in any order → every
// plenary as a record (docs/plenaries.md, "The fold"). Only the network's
// secretariat announces, updates, cancels, posts minutes and puts items to the
// vote; only accounts of the network's authorities confirm attendance and
// vote. Per plenary the latest announcement counts, per member their latest
// attendance, per poll each sender's latest vote (polls/tally.ts). The sender
// is always the envelope's. It never throws: what it does not take is listed
// in `ignored` with a reason that is a value (types.ts, PlenaryIgnoredReason),
// which each reader words in its own language. Deterministic: the same set
// of events gives the same view, whatever order they arrive in.
import { authorityOf } from '../../cases/fold/parties.ts';
import type { UserId } from '../../cases/ids/matrix.ts';
import { decide } from '../polls/decide.ts';
import { tallyPoll } from '../polls/tally.ts';
import type { Decision, PollEnd, PollEvent, PollResponse, TallyRefusal } from '../polls/types.ts';
import type {
	IgnoredPlenaryEvent,
	Plenary,
	PlenaryArrival,
	PlenaryFoldContext,
	PlenaryIgnoredReason,
	PlenaryPayload,
	PlenaryRecord,
	PlenaryView,
} from '../types.ts';
import { admitArrivals, type Admitted } from './arrivals.ts';
import { byCodeUnits, plenaryRecord, type PayloadEvent } from './record.ts';

type Of<K extends Admitted['kind']> = Extract<Admitted, { kind: K }>;
type Sent = { readonly eventId: string; readonly sender: string };

function group<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
	const groups = new Map<string, T[]>();
	for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
	return groups;
}

const tallyReason = (refusal: TallyRefusal, poll: Decision['poll']): PlenaryIgnoredReason =>
	refusal.kind === 'not-member' ? { kind: 'not-member', what: 'vote' } : { kind: refusal.kind, poll };

/** Folds a plenary room's events into its plenaries as this reader sees them. */
export function foldPlenaries(events: readonly PlenaryArrival[], context: PlenaryFoldContext): PlenaryView {
	const ignored: IgnoredPlenaryEvent[] = [];
	const ignore = (e: Sent, reason: PlenaryIgnoredReason) => ignored.push({ eventId: e.eventId, sender: e.sender, reason });
	/** Whether `e` passes; when not, it is listed with `reason`. */
	const check = (passes: boolean, e: Sent, reason: PlenaryIgnoredReason): boolean => {
		if (!passes) ignore(e, reason);
		return passes;
	};
	const admitted = admitArrivals(events, ignore);
	const of = <K extends Admitted['kind']>(kind: K) => admitted.filter((a): a is Of<K> => a.kind === kind);
	const payloads = <T extends PlenaryPayload['type']>(type: T) =>
		of('payload').filter((p): p is Of<'payload'> & PayloadEvent<T> => p.body.type === type);
	const bySecretariat = (e: Sent) => context.secretariat.has(e.sender);
	const authority = (sender: UserId) => authorityOf(sender, context.servers);

	// Announcements and updates: the secretariat's only; the latest per plenary counts.
	const announced = payloads('plenary').filter((a) => check(bySecretariat(a), a, { kind: 'not-secretariat', what: 'plenary' }));
	const current = new Map<string, Plenary>(announced.map((a) => [a.body.plenary.id, a.body.plenary]));
	const known = (e: Sent, plenary: string) => check(current.has(plenary), e, { kind: 'unknown-plenary', plenary });

	const attendance = payloads('attendance').flatMap((a) => {
		const member = authority(a.sender);
		if (member === undefined) ignore(a, { kind: 'not-member', what: 'attendance' });
		return member !== undefined && known(a, a.body.plenary) ? [{ ...a, authority: member }] : [];
	});
	const minutes = payloads('minutes').filter(
		(m) => check(bySecretariat(m), m, { kind: 'not-secretariat', what: 'minutes' }) && known(m, m.body.plenary),
	);

	const onAgenda = (p: Of<'poll'>) =>
		check(current.get(p.link.plenary)?.agenda.some((item) => item.id === p.link.item) === true, p, {
			kind: 'unknown-item',
			plenary: p.link.plenary,
			item: p.link.item,
		});
	const polls = of('poll').filter(
		(p) => check(bySecretariat(p), p, { kind: 'not-secretariat', what: 'poll' }) && known(p, p.link.plenary) && onAgenda(p),
	);
	// Responses and ends to decision polls only (other polls are the room's own business);
	// the trust rule is applied to them now that their poll is known.
	const pollIds = new Set<string>(polls.map((p) => p.eventId));
	const toDecisions = <T extends Of<'response'> | Of<'end'>>(v: T): boolean => {
		if (!pollIds.has(v.body.poll)) return false;
		if (!v.verdict.counts) ignore(v, { kind: 'untrusted', code: v.verdict.code });
		return v.verdict.counts;
	};
	const responses = group<PollEvent<PollResponse>>(of('response').filter(toDecisions), (r) => r.body.poll);
	const ends = group<PollEvent<PollEnd>>(of('end').filter(toDecisions), (e) => e.body.poll);
	const decisions = polls.map((p) => {
		const tally = tallyPoll(p, responses.get(p.eventId) ?? [], ends.get(p.eventId) ?? [], {
			// NOTE: a secretariat account on a member's homeserver (the roster allows it) runs the vote; it does not vote for that member.
			authorityOf: (sender) => (context.secretariat.has(sender) ? undefined : authority(sender)),
			mayEnd: (sender) => context.secretariat.has(sender),
		});
		for (const r of tally.refused) ignore(r, tallyReason(r.reason, p.eventId));
		return decide(p, p.link, tally);
	});

	const about = <T extends { readonly body: { readonly plenary: string } }>(items: readonly T[], id: string) =>
		items.filter((x) => x.body.plenary === id);
	const plenaries = [...group(announced, (a) => a.body.plenary.id)].flatMap(([id, list]): PlenaryRecord[] => {
		const record = plenaryRecord({
			announcements: list,
			attendance: about(attendance, id),
			decisions: decisions.filter((d) => d.link.plenary === id),
			minutes: about(minutes, id),
		});
		return record === undefined ? [] : [record];
	});
	return {
		plenaries: plenaries.sort((a, b) => byCodeUnits(a.plenary.start, b.plenary.start) || byCodeUnits(a.plenary.id, b.plenary.id)),
		ignored: ignored.sort((a, b) => byCodeUnits(a.eventId, b.eventId) || byCodeUnits(JSON.stringify(a.reason), JSON.stringify(b.reason))),
	};
}
