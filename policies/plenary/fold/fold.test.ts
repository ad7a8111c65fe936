// The plenary fold: who may do what, the latest counts, and every refusal listed with its reason.
import { describe, expect, it } from 'vitest';
import { PLENARY_KEY } from '../events/namespace.ts';
import { POLL_START_TYPE, TEXT_KEY } from '../polls/types.ts';
import {
	ANA,
	announce,
	arrival,
	at,
	attend,
	BETO,
	CARLA,
	CONTEXT,
	DIEGO,
	endPoll,
	message,
	OUTSIDER,
	PLENARY,
	pollStart,
	SECRETARIAT,
	UNSIGNED,
	vote,
} from '../testing/fixtures.ts';
import type { PlenaryView } from '../types.ts';
import { foldPlenaries } from './fold.ts';
import type { PlenaryArrival } from '../types.ts';

const fold = (events: PlenaryArrival[]): PlenaryView => foldPlenaries(events, CONTEXT);
const reasons = (view: PlenaryView) => view.ignored.map((i) => [i.eventId, i.reason.kind]);
const only = (view: PlenaryView) => {
	const [record] = view.plenaries;
	if (record === undefined || view.plenaries.length !== 1) throw new Error(`expected one plenary, got ${view.plenaries.length}`);
	return record;
};

describe('foldPlenaries', () => {
	it('folds a plenary: the latest update, attendance, participants, a decision and the minutes', () => {
		const view = fold([
			announce('$a1', 0),
			announce('$a2', 5, { ...PLENARY, title: { es: 'XII Plenaria de REFCO', en: 'REFCO 12th Plenary' } }),
			attend('$t1', ANA, 10),
			attend('$t2', CARLA, 11),
			attend('$t3', DIEGO, 12, false),
			pollStart('$p1', 20),
			vote('$v1', ANA, 21, '$p1', ['for']),
			vote('$v2', CARLA, 22, '$p1', ['abstain']),
			endPoll('$e1', SECRETARIAT, 30, '$p1'),
			message('$m1', SECRETARIAT, 40, {
				type: 'minutes',
				plenary: PLENARY.id,
				text: { es: 'Acta', en: 'Minutes' },
				decisions: ['$p1' as never],
			}),
		]);
		expect(view.ignored).toEqual([]);
		const record = only(view);
		expect(record.plenary.title).toEqual({ es: 'XII Plenaria de REFCO', en: 'REFCO 12th Plenary' });
		expect(record.announced).toEqual({ eventId: '$a1', sender: SECRETARIAT, at: at(0) });
		expect(record.updated.eventId).toBe('$a2');
		expect(record.attendance.map((a) => [a.authority, a.sender, a.attending])).toEqual([
			['gt-mp', ANA, true],
			['hn-mp', DIEGO, false],
			['sv-fgr', CARLA, true],
		]);
		expect(record.participants).toEqual([
			{ authority: 'gt-mp', people: [ANA] },
			{ authority: 'sv-fgr', people: [CARLA] },
		]);
		const [decision] = record.decisions;
		expect(decision && [decision.poll, decision.link.item, decision.result, decision.answering, decision.counts]).toEqual([
			'$p1',
			'guide',
			'adopted',
			2,
			{ for: 1, against: 0, abstain: 1 },
		]);
		expect(decision?.ballots.map((b) => [b.sender, b.authority, b.choice])).toEqual([
			[ANA, 'gt-mp', 'for'],
			[CARLA, 'sv-fgr', 'abstain'],
		]);
		expect(record.minutes).toEqual({
			eventId: '$m1',
			sender: SECRETARIAT,
			at: at(40),
			text: { es: 'Acta', en: 'Minutes' },
			decisions: ['$p1'],
			unresolved: [],
		});
	});

	it('ignores a plenary announced by someone not of the secretariat, even naming the secretariat in its content', () => {
		const forged = message('$f', ANA, 0, { type: 'plenary', plenary: PLENARY });
		const content = forged.content as Record<string, Record<string, unknown>>;
		const withSender = {
			...forged,
			content: { ...content, sender: SECRETARIAT, [PLENARY_KEY]: { ...content[PLENARY_KEY], sender: SECRETARIAT } },
		};
		const view = fold([withSender, attend('$t', CARLA, 1)]);
		expect(view.plenaries).toEqual([]);
		expect(view.ignored).toEqual([
			{ eventId: '$f', sender: ANA, reason: { kind: 'not-secretariat', what: 'plenary' } },
			{ eventId: '$t', sender: CARLA, reason: { kind: 'unknown-plenary', plenary: PLENARY.id } },
		]);
	});

	it('lets only the secretariat cancel: a member’s cancellation is ignored, the secretariat’s counts', () => {
		const cancelled = { ...PLENARY, cancelled: true };
		expect(only(fold([announce('$a', 0), announce('$c', 5, cancelled, ANA)])).plenary.cancelled).toBe(false);
		expect(only(fold([announce('$a', 0), announce('$c', 5, cancelled)])).plenary.cancelled).toBe(true);
	});

	it('takes attendance only from network members, and each member’s latest answer', () => {
		const view = fold([
			announce('$a', 0),
			attend('$t1', BETO, 1),
			attend('$t3', BETO, 3, false),
			attend('$t2', BETO, 2),
			attend('$x', OUTSIDER, 1),
		]);
		expect(only(view).attendance.map((a) => [a.sender, a.attending, a.eventId])).toEqual([[BETO, false, '$t3']]);
		expect(only(view).participants).toEqual([]);
		expect(view.ignored).toEqual([{ eventId: '$x', sender: OUTSIDER, reason: { kind: 'not-member', what: 'attendance' } }]);
	});

	it('lists a vote after the end, and counts the voter’s vote made in time', () => {
		const view = fold([
			announce('$a', 0),
			pollStart('$p', 1),
			vote('$v1', ANA, 2, '$p', ['against']),
			endPoll('$e', SECRETARIAT, 5, '$p'),
			vote('$v2', ANA, 6, '$p', ['for']),
			vote('$v3', CARLA, 7, '$p', ['for']),
		]);
		expect(view.ignored.map((i) => [i.eventId, i.reason])).toEqual([
			['$v2', { kind: 'vote-after-end', poll: '$p' }],
			['$v3', { kind: 'vote-after-end', poll: '$p' }],
		]);
		const [d] = only(view).decisions;
		expect(d && [d.result, d.counts.against, d.answering]).toEqual(['no-quorum', 1, 1]);
	});

	it('counts the latest of double votes and lists the one replaced in the tally', () => {
		const view = fold([announce('$a', 0), pollStart('$p', 1), vote('$v1', ANA, 2, '$p', ['for']), vote('$v2', ANA, 3, '$p', ['against'])]);
		const [d] = only(view).decisions;
		expect(d && [d.result, d.ballots.map((b) => b.choice), d.tally.superseded]).toEqual(['open', ['against'], ['$v1']]);
		expect(view.ignored).toEqual([]);
	});

	it('does not count a vote of a secretariat account that lives on a member’s homeserver', () => {
		const onMemberServer = '@secretaria:fgr.sv.rogatory.example';
		const context = { ...CONTEXT, secretariat: new Set([SECRETARIAT, onMemberServer]) };
		const view = foldPlenaries([announce('$a', 0), pollStart('$p', 1), vote('$v', onMemberServer, 2, '$p', ['for'])], context);
		expect(view.ignored).toEqual([{ eventId: '$v', sender: onMemberServer, reason: { kind: 'not-member', what: 'vote' } }]);
		expect(view.plenaries[0]?.decisions[0]?.ballots).toEqual([]);
	});

	it('gives no choice to a response naming an answer not in the poll', () => {
		const [d] = only(fold([announce('$a', 0), pollStart('$p', 1), vote('$v', CARLA, 2, '$p', ['yes-please'])])).decisions;
		expect(d?.ballots).toEqual([{ sender: CARLA, authority: 'sv-fgr', eventId: '$v', choice: undefined }]);
		expect(d?.tally.ballots[0]?.spoiled).toBe(true);
		expect(d?.answering).toBe(0);
	});

	it('refuses decision polls from members and about items not on the agenda; an end by a member is listed', () => {
		const view = fold([
			announce('$a', 0),
			pollStart('$pm', 1, undefined, ANA),
			vote('$vm', CARLA, 2, '$pm', ['for']),
			pollStart('$pi', 3, {
				plenary: PLENARY.id,
				item: 'budget',
				quorum: 1,
				question: '¿Presupuesto?',
				answers: { for: 'Sí', against: 'No' },
			}),
			pollStart('$p', 4),
			endPoll('$e', ANA, 5, '$p'),
		]);
		expect(view.ignored.map((i) => [i.eventId, i.reason])).toEqual([
			['$e', { kind: 'may-not-end', poll: '$p' }],
			['$pi', { kind: 'unknown-item', plenary: PLENARY.id, item: 'budget' }],
			['$pm', { kind: 'not-secretariat', what: 'poll' }],
		]);
		expect(only(view).decisions.map((d) => [d.poll, d.result])).toEqual([['$p', 'open']]);
	});

	it('applies the trust rule to announcements and to votes on decisions', () => {
		const untrusted = { ...announce('$u', 0, { ...PLENARY, cancelled: true }), verdict: UNSIGNED };
		const view = fold([untrusted, announce('$a', 1), pollStart('$p', 2), vote('$v', ANA, 3, '$p', ['for'], UNSIGNED)]);
		expect(view.ignored).toEqual([
			{ eventId: '$u', sender: SECRETARIAT, reason: { kind: 'untrusted', code: 'unsigned-device' } },
			{ eventId: '$v', sender: ANA, reason: { kind: 'untrusted', code: 'unsigned-device' } },
		]);
		expect(only(view).plenary.cancelled).toBe(false);
		expect(only(view).decisions[0]?.ballots).toEqual([]);
	});

	it('says nothing of the room’s chat, ordinary polls and their votes', () => {
		const ordinary = {
			[TEXT_KEY]: 'Lunch?',
			[POLL_START_TYPE]: { max_selections: 1, question: { [TEXT_KEY]: 'Lunch?' }, answers: [{ id: 'pupusas', [TEXT_KEY]: 'Pupusas' }] },
		};
		const view = fold([
			announce('$a', 0),
			arrival('$chat', OUTSIDER, 1, 'm.room.message', { msgtype: 'm.text', body: 'Buenos días' }),
			arrival('$lunch', ANA, 2, POLL_START_TYPE, ordinary),
			vote('$lv', OUTSIDER, 3, '$lunch', ['pupusas']),
			arrival('$state', ANA, 4, 'm.room.topic', { topic: 'x' }),
		]);
		expect(view.ignored).toEqual([]);
		expect(only(view).decisions).toEqual([]);
	});

	it('refuses malformed events and two different events under one ID, and takes one copy of a repeated one', () => {
		const a = announce('$a', 0);
		const view = fold([
			a,
			a,
			attend('$dup', ANA, 1),
			attend('$dup', ANA, 1, false),
			arrival('$bad', ANA, 2, 'm.room.message', { msgtype: 'm.text', body: 'x', [PLENARY_KEY]: { version: 1, type: 'attendance' } }),
			{ ...attend('not-an-id', ANA, 3) },
		]);
		expect(reasons(view)).toEqual([
			['$bad', 'malformed'],
			['$dup', 'duplicate-event-id'],
			['not-an-id', 'malformed'],
		]);
		expect(only(view).attendance).toEqual([]);
	});

	it('keeps the minutes’ citations of polls it does not hold apart, and ignores minutes from a member', () => {
		const minutes = { type: 'minutes' as const, plenary: PLENARY.id, text: { es: 'Acta' }, decisions: ['$p' as never, '$gone' as never] };
		const view = fold([
			announce('$a', 0),
			pollStart('$p', 1),
			message('$m', SECRETARIAT, 2, minutes),
			message('$mm', ANA, 3, { ...minutes, text: { es: 'Falsa' } }),
		]);
		expect(only(view).minutes && [only(view).minutes?.eventId, only(view).minutes?.decisions, only(view).minutes?.unresolved]).toEqual([
			'$m',
			['$p'],
			['$gone'],
		]);
		expect(reasons(view)).toEqual([['$mm', 'not-secretariat']]);
	});

	it('orders plenaries by start date and decisions by agenda order', () => {
		const earlier = { ...PLENARY, id: 'refco-2026-0', start: '2026-05-01', end: '2026-05-02' };
		const view = fold([
			announce('$b', 0),
			announce('$a', 1, earlier),
			pollStart('$p-next', 2, {
				plenary: PLENARY.id,
				item: 'next-host',
				quorum: 1,
				question: '¿Sede: Honduras?',
				answers: { for: 'Sí', against: 'No' },
			}),
			pollStart('$p-guide', 3),
		]);
		expect(view.plenaries.map((p) => p.plenary.id)).toEqual(['refco-2026-0', 'refco-2026-1']);
		expect(view.plenaries[1]?.decisions.map((d) => d.link.item)).toEqual(['guide', 'next-host']);
	});
});
