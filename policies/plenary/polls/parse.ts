// Reads the unstable MSC3381 poll events (org.matrix.msc3381.poll.start,
// .response, .end; the unstable format described in the MSC's "Unstable
// prefix" section, which matrix-js-sdk writes) from untrusted content, and
// the key a decision poll carries beside the poll (PLENARY_VOTE_KEY). None
// throws. A response whose answers cannot be read is not refused: MSC3381
// counts it as the sender's latest vote, spoiled.
import { err, ok, type Result } from '../../result.ts';
import { parseEventId, type EventId } from '../../cases/ids/matrix.ts';
import { formatVersion, get, has, isObject, object, text, via, type JsonObject, type Read } from '../../cases/events/read.ts';
import { PLENARY_LIMITS as L, PLENARY_VERSION, PLENARY_VOTE_KEY } from '../events/namespace.ts';
import { plenaryId } from '../events/values.ts';
import {
	POLL_END_TYPE,
	POLL_KIND_DISCLOSED,
	POLL_RESPONSE_TYPE,
	POLL_START_TYPE,
	TEXT_KEY,
	type PollAnswer,
	type PollEnd,
	type PollResponse,
	type PollStart,
	type VoteLink,
} from './types.ts';

/** Runs a reader over untrusted content; a Proxy or throwing getter becomes a refusal, never an exception. */
function safely<T>(read: () => Result<T, string>): Result<T, string> {
	try {
		return read();
	} catch {
		return err('the content could not be read');
	}
}

/** The poll start event an `m.reference` relation points at. */
function reference(content: JsonObject): Read<EventId> {
	const relation = object(get(content, 'm.relates_to'), 'm.relates_to');
	if (!relation.ok) return relation;
	if (get(relation.value, 'rel_type') !== 'm.reference') return err('m.relates_to.rel_type: must be "m.reference"');
	return via(parseEventId, get(relation.value, 'event_id'), 'm.relates_to.event_id');
}

function answer(value: unknown, path: string): Read<PollAnswer> {
	const o = object(value, path);
	if (!o.ok) return o;
	const id = text(get(o.value, 'id'), `${path}.id`, L.answerId);
	if (!id.ok) return id;
	const t = text(get(o.value, TEXT_KEY), `${path}.${TEXT_KEY}`, L.answerText);
	return t.ok ? ok({ id: id.value, text: t.value }) : t;
}

function start(content: unknown): Read<PollStart> {
	if (!isObject(content)) return err('the content must be an object');
	const P = POLL_START_TYPE;
	const poll = object(get(content, P), P);
	if (!poll.ok) return poll;
	const question = object(get(poll.value, 'question'), `${P}.question`);
	if (!question.ok) return question;
	const q = text(get(question.value, TEXT_KEY), `${P}.question.${TEXT_KEY}`, L.question);
	if (!q.ok) return q;
	const kind = get(poll.value, 'kind');
	const max = has(poll.value, 'max_selections') ? get(poll.value, 'max_selections') : 1;
	if (!Number.isSafeInteger(max) || (max as number) < 1) return err(`${P}.max_selections: must be a whole number, 1 or more`);
	const raw = get(poll.value, 'answers');
	if (!Array.isArray(raw)) return err(`${P}.answers: must be a list`);
	// NOTE: MSC3381: "The array is truncated to 20 maximum options."
	const answers: PollAnswer[] = [];
	for (const [i, value] of raw.slice(0, L.pollAnswers).entries()) {
		const a = answer(value, `${P}.answers[${i}]`);
		if (!a.ok) return a;
		answers.push(a.value);
	}
	if (answers.length === 0) return err(`${P}.answers: must hold at least one answer`);
	if (new Set(answers.map((a) => a.id)).size !== answers.length) return err(`${P}.answers: names the same answer id twice`);
	return ok({
		question: q.value,
		// NOTE: an unknown kind reads as undisclosed (MSC3381, "Poll kinds"); the stable name is accepted too.
		kind: kind === POLL_KIND_DISCLOSED || kind === 'm.poll.disclosed' ? 'disclosed' : 'undisclosed',
		maxSelections: max as number,
		answers,
	});
}

/** Reads `org.matrix.msc3381.poll.start` content. */
export const parsePollStart = (content: unknown): Result<PollStart, string> => safely(() => start(content));

function selections(content: JsonObject): readonly string[] | undefined {
	const block = get(content, POLL_RESPONSE_TYPE);
	const answers = isObject(block) ? get(block, 'answers') : undefined;
	if (!Array.isArray(answers)) return undefined;
	// Enough to hold any max_selections a 20-answer poll can use; the tally truncates to the poll's own.
	const kept = answers.slice(0, L.pollAnswers);
	return kept.every((a): a is string => typeof a === 'string' && a.length <= L.answerId) ? kept : undefined;
}

/** Reads `org.matrix.msc3381.poll.response` content: refused only when it points at no poll. */
export const parsePollResponse = (content: unknown): Result<PollResponse, string> =>
	safely(() => {
		if (!isObject(content)) return err('the content must be an object');
		const poll = reference(content);
		return poll.ok ? ok({ poll: poll.value, answers: selections(content) }) : poll;
	});

/** Reads `org.matrix.msc3381.poll.end` content. */
export const parsePollEnd = (content: unknown): Result<PollEnd, string> =>
	safely(() => {
		if (!isObject(content)) return err('the content must be an object');
		const poll = reference(content);
		if (!poll.ok) return poll;
		return isObject(get(content, POLL_END_TYPE)) ? ok({ poll: poll.value }) : err(`${POLL_END_TYPE}: must be an object`);
	});

function link(content: JsonObject, poll: PollStart): Read<VoteLink> {
	const K = PLENARY_VOTE_KEY;
	const o = object(get(content, K), K);
	if (!o.ok) return o;
	const version = formatVersion(get(o.value, 'version'), `${K}.version`, PLENARY_VERSION);
	if (!version.ok) return version;
	const plenary = plenaryId(get(o.value, 'plenary'), `${K}.plenary`);
	if (!plenary.ok) return plenary;
	const item = plenaryId(get(o.value, 'item'), `${K}.item`);
	if (!item.ok) return item;
	const quorum = get(o.value, 'quorum');
	if (!Number.isSafeInteger(quorum) || (quorum as number) < 1 || (quorum as number) > L.quorum)
		return err(`${K}.quorum: must be a whole number of authorities from 1 to ${L.quorum}`);
	const answers = object(get(o.value, 'answers'), `${K}.answers`);
	if (!answers.ok) return answers;
	const named = (key: string) => text(get(answers.value, key), `${K}.answers.${key}`, L.answerId);
	const yes = named('for');
	if (!yes.ok) return yes;
	const no = named('against');
	if (!no.ok) return no;
	const abstain = has(answers.value, 'abstain') ? named('abstain') : ok(undefined);
	if (!abstain.ok) return abstain;
	const ids = [yes.value, no.value, ...(abstain.value === undefined ? [] : [abstain.value])];
	const given = poll.answers.map((a) => a.id);
	if (new Set(ids).size !== ids.length || ids.length !== given.length || !ids.every((id) => given.includes(id)))
		return err(`${K}.answers: must name each of the poll's answers once, as for, against and (optionally) abstain`);
	if (poll.maxSelections !== 1) return err(`${POLL_START_TYPE}.max_selections: a decision poll allows one answer`);
	return ok({
		plenary: plenary.value,
		item: item.value,
		quorum: quorum as number,
		answers: { for: yes.value, against: no.value, ...(abstain.value === undefined ? {} : { abstain: abstain.value }) },
	});
}

/**
 * A poll start's decision link: undefined when the poll carries none (an
 * ordinary poll of the room), the link, or why the poll cannot be the
 * decision it claims to be.
 */
export const parseVoteLink = (content: unknown, poll: PollStart): Result<VoteLink | undefined, string> =>
	safely<VoteLink | undefined>(() => (isObject(content) && has(content, PLENARY_VOTE_KEY) ? link(content, poll) : ok(undefined)));
