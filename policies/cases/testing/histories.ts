// A fast-check generator of case-room histories: an opening, a tree of status
// transitions with branches (conflicts), settlements, amendments, notes, links,
// chat messages and garbage — with a share of deliberately invalid moves
// (wrong side, stale from, not in the workflow, missing reason, orphaned,
// from a non-party). Timestamps collide often so the event-ID tie-break is
// exercised. Used by the fold's property tests.
import fc from 'fast-check';
import type { TransitionId } from '../ids/case.ts';
import { status as statusId, type StatusId } from '../ids/codes.ts';
import type { EventId, UserId } from '../ids/matrix.ts';
import type { CaseEvent } from '../events/types.ts';
import type { CaseEventEnvelope } from '../fold/types.ts';
import type { Side } from '../vocabulary/request.ts';
import { EXTRADITION_WORKFLOW } from '../workflows/extradition.ts';
import { GENERIC_WORKFLOW } from '../workflows/generic.ts';
import { MLA_WORKFLOW } from '../workflows/mla.ts';
import type { Workflow } from '../workflows/types.ts';
import { AIGERIM, envelope, OPENED, OPENING_ID, OTHER_ROOM, REQUESTED_USERS, REQUESTING_USERS } from './fixtures.ts';

const MUTATIONS = [...Array<'none'>(12).fill('none'), 'wrong-side', 'stale', 'not-allowed', 'no-reason', 'orphan', 'outsider'] as const;

const step = fc.record({
	/** Mostly extend the latest transition (long chains); sometimes branch off an earlier one (conflicts). */
	branch: fc.integer({ min: 0, max: 19 }).map((n) => n < 2),
	parent: fc.nat(),
	rule: fc.nat(),
	who: fc.nat(),
	ts: fc.integer({ min: 0, max: 40 }),
	reason: fc.boolean(),
	mutate: fc.constantFrom(...MUTATIONS),
});

const extra = fc.record({
	kind: fc.constantFrom('note', 'amend', 'amend-wrong-side', 'link', 'unlink', 'ack', 'chat', 'garbage'),
	who: fc.nat(),
	ts: fc.integer({ min: 0, max: 40 }),
	garbage: fc.anything({ maxDepth: 2 }),
});

const plan = fc.record({
	workflow: fc.constantFrom(MLA_WORKFLOW, EXTRADITION_WORKFLOW, GENERIC_WORKFLOW),
	openedBy: fc.nat(),
	openTs: fc.integer({ min: 0, max: 10 }),
	steps: fc.array(step, { minLength: 3, maxLength: 40, size: 'medium' }),
	settles: fc.array(fc.record({ node: fc.nat(), child: fc.nat(), who: fc.nat(), ts: fc.integer({ min: 0, max: 50 }) }), { maxLength: 6 }),
	extras: fc.array(extra, { maxLength: 8 }),
});

type Plan = typeof plan extends fc.Arbitrary<infer P> ? P : never;

const users = (side: Side): readonly UserId[] => (side === 'requesting' ? REQUESTING_USERS : REQUESTED_USERS);
const pick = <T>(list: readonly T[], n: number): T => list[n % list.length]!;
const other = (side: Side): Side => (side === 'requesting' ? 'requested' : 'requesting');

interface Node {
	readonly id: string;
	readonly status: StatusId;
	readonly children: { id: string; to: StatusId }[];
}

function transition(w: Workflow, parent: Node, s: Plan['steps'][number], i: number): { sender: UserId; event: CaseEvent } | undefined {
	const rules = w.transitions.filter((t) => t.from === parent.status);
	if (rules.length === 0) return undefined;
	const rule = pick(rules, s.rule);
	const side = pick(rule.by, s.who);
	const sender = pick(users(side), s.who);
	const reason = rule.reason === 'required' || s.reason ? { reason: `reason ${i}` } : {};
	const event = { type: 'transition', follows: parent.id as TransitionId, from: parent.status, to: rule.to, ...reason } as const;
	switch (s.mutate) {
		case 'none':
			return { sender, event };
		case 'wrong-side':
			return rule.by.length === 1 ? { sender: pick(users(other(side)), s.who), event } : undefined;
		case 'stale':
			return {
				sender,
				event: {
					...event,
					from: pick(
						w.statuses.filter((x) => x !== parent.status),
						s.rule,
					),
				},
			};
		case 'not-allowed': {
			const to = w.statuses.filter((x) => x !== parent.status && !rules.some((r) => r.to === x));
			return to.length === 0 ? undefined : { sender, event: { ...event, to: pick(to, s.rule) } };
		}
		case 'no-reason': {
			const required = rules.filter((r) => r.reason === 'required');
			if (required.length === 0) return undefined;
			const r = pick(required, s.rule);
			return {
				sender: pick(users(pick(r.by, s.who)), s.who),
				event: { type: 'transition', follows: parent.id as TransitionId, from: parent.status, to: r.to },
			};
		}
		case 'orphan':
			return { sender, event: { ...event, follows: `$nowhere${i}` as TransitionId } };
		case 'outsider':
			return { sender: AIGERIM, event };
	}
}

function extraEvent(e: Plan['extras'][number], i: number): CaseEventEnvelope {
	const id = `$x${i}`;
	const requesting = pick(REQUESTING_USERS, e.who);
	const anyone = e.who % 2 === 0 ? requesting : pick(REQUESTED_USERS, e.who);
	const link = { type: 'link', relation: 'preservation-mla', end: 'later', target: OTHER_ROOM } as const;
	switch (e.kind) {
		case 'note':
			return envelope(id, anyone, e.ts, { type: 'note', text: `note ${i}` });
		case 'amend':
			return envelope(id, requesting, e.ts, {
				type: 'amended',
				changes: { urgency: pick(['routine', 'urgent', 'immediate'] as const, e.who), title: `title ${i}` },
				reason: 'r',
			});
		case 'amend-wrong-side':
			return envelope(id, pick(REQUESTED_USERS, e.who), e.ts, { type: 'amended', changes: { channel: 'informal' }, reason: 'r' });
		case 'link':
			return envelope(id, anyone, e.ts, link);
		case 'unlink':
			return envelope(id, anyone, e.ts, { ...link, removed: true });
		case 'ack':
			// Either side: the requesting side's are refused (wrong-side).
			return envelope(id, anyone, e.ts, { type: 'acknowledged' });
		case 'chat':
			return { eventId: id as EventId, sender: anyone, originServerTs: e.ts, content: { msgtype: 'm.text', body: `chat ${i}` } };
		case 'garbage':
			return {
				eventId: id as EventId,
				sender: anyone,
				originServerTs: e.ts,
				content: { msgtype: 'm.notice', body: 'x', 'org.rogatory.case': e.garbage },
			};
	}
}

function build(p: Plan): CaseEventEnvelope[] {
	const w = p.workflow;
	const opener = pick([...REQUESTING_USERS, ...REQUESTED_USERS], p.openedBy);
	const kind = w.kinds[0]!;
	const events = [envelope(OPENING_ID, opener, p.openTs, { ...OPENED, kind, workflow: w.id })];
	const nodes: Node[] = [{ id: OPENING_ID, status: w.initial, children: [] }];
	let latest = nodes[0]!;
	p.steps.forEach((s, i) => {
		const parent = s.branch ? pick(nodes, s.parent) : latest;
		const made = transition(w, parent, s, i);
		if (made === undefined || made.event.type !== 'transition') return;
		const id = `$t${i}`;
		events.push(envelope(id, made.sender, p.openTs + s.ts, made.event));
		parent.children.push({ id, to: made.event.to });
		const node = { id, status: made.event.to, children: [] };
		nodes.push(node);
		if (s.mutate === 'none') latest = node;
	});
	const forks = nodes.filter((n) => n.children.length >= 2);
	p.settles.forEach((s, i) => {
		if (forks.length === 0) return;
		const fork = pick(forks, s.node);
		const chosen = pick(fork.children, s.child);
		const sender = pick([...REQUESTING_USERS, ...REQUESTED_USERS], s.who);
		events.push(
			envelope(`$s${i}`, sender, s.ts, {
				type: 'settled',
				conflictAt: fork.id as TransitionId,
				chosen: chosen.id as TransitionId,
				to: chosen.to,
				reason: 'settled',
			}),
		);
	});
	p.extras.forEach((e, i) => events.push(extraEvent(e, i)));
	return events;
}

/** A room's history; every event ID is distinct. */
export const history: fc.Arbitrary<CaseEventEnvelope[]> = plan.map(build);

/** A status no workflow has. */
export const NOWHERE = statusId('nowhere');
