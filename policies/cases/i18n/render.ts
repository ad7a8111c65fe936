// Renders a case event as the plain-text `body` a stock Matrix client shows
// (ARCHITECTURE.md, decision 3): "Status: Received → Under execution". The
// body is for people; the structured payload stays the authority, so the
// renderer never fails — an unknown code is shown as the code.
import type { AuthorityId, Language } from '../../roster/types.ts';
import type { Amended, CaseEvent, CaseFields, FieldName, LegalBasis, Link, OffenceEntry, Opened } from '../events/types.ts';
import { DEFAULT_BOOK, type LabelBook } from './book.ts';
import { labelOf } from './labels.ts';
import { COLON } from './phrases.ts';

export interface RenderOptions {
	readonly book?: LabelBook;
	/** Shows an authority by name (e.g. from the roster); the id is shown otherwise. */
	readonly authorityName?: (id: AuthorityId) => string;
}

/** What the builders call to produce a body: the event in, readable text out. */
export type BodyRenderer = (event: CaseEvent) => string;

interface Context {
	readonly lang: Language;
	readonly book: LabelBook;
	readonly colon: string;
	readonly authority: (id: AuthorityId) => string;
}

const line = (c: Context, label: string, value: string) => `${label}${c.colon}${value}`;

function offences(c: Context, list: readonly OffenceEntry[]): string {
	const serious = labelOf(c.book.phrases, 'serious', c.lang);
	return list.map((o) => labelOf(c.book.offences, o.code, c.lang) + (o.serious ? ` (${serious})` : '')).join('; ');
}

function legalBasis(c: Context, basis: LegalBasis): string {
	const type = labelOf(c.book.legalBases, basis.type, c.lang);
	return basis.citation === undefined ? type : `${type} — ${basis.citation}`;
}

function value(c: Context, field: FieldName, fields: Partial<CaseFields>): string {
	switch (field) {
		case 'legalBasis':
			return fields.legalBasis === undefined ? '' : legalBasis(c, fields.legalBasis);
		case 'offences':
			return offences(c, fields.offences ?? []);
		case 'urgency':
			return fields.urgency === undefined ? '' : labelOf(c.book.urgencies, fields.urgency, c.lang);
		case 'channel':
			return fields.channel === undefined ? '' : labelOf(c.book.channels, fields.channel, c.lang);
		default:
			return fields[field] ?? '';
	}
}

function party(c: Context, side: 'requesting' | 'requested', id: AuthorityId, reference: string | undefined): string {
	const ref = reference === undefined ? '' : ` (${labelOf(c.book.phrases, 'reference', c.lang)} ${reference})`;
	return line(c, labelOf(c.book.sides, side, c.lang), c.authority(id) + ref);
}

function opened(c: Context, e: Opened): string[] {
	const f = e.fields;
	const field = (name: FieldName) => line(c, labelOf(c.book.fields, name, c.lang), value(c, name, f));
	return [
		line(c, labelOf(c.book.phrases, 'opened', c.lang), labelOf(c.book.kinds, e.kind, c.lang)),
		field('title'),
		party(c, 'requesting', e.requesting, f.requestingReference),
		party(c, 'requested', e.requested, f.requestedReference),
		field('offences'),
		field('legalBasis'),
		`${field('urgency')} · ${field('channel')}`,
		...(f.respondBy === undefined ? [] : [field('respondBy')]),
	];
}

function amended(c: Context, e: Amended): string[] {
	const names = (Object.keys(e.changes) as FieldName[]).filter((n) => e.changes[n] !== undefined);
	const changes = names.map((n) => `${labelOf(c.book.fields, n, c.lang)} → ${value(c, n, e.changes)}`).join('; ');
	return [line(c, labelOf(c.book.phrases, 'amended', c.lang), changes)];
}

function link(c: Context, e: Link): string[] {
	const key = e.relation === 'related' ? 'related' : `${e.relation}.${e.end}`;
	const phrase = e.removed === true ? 'unlinked' : 'linked';
	return [line(c, labelOf(c.book.phrases, phrase, c.lang), `${labelOf(c.book.links, key, c.lang)} (${e.target})`)];
}

function lines(c: Context, e: CaseEvent): string[] {
	const status = (s: string) => labelOf(c.book.statuses, s, c.lang);
	switch (e.type) {
		case 'opened':
			return opened(c, e);
		case 'amended':
			return amended(c, e);
		case 'transition':
			return [line(c, labelOf(c.book.phrases, 'status', c.lang), `${status(e.from)} → ${status(e.to)}`)];
		case 'settled':
			return [line(c, labelOf(c.book.phrases, 'settled', c.lang), status(e.to))];
		case 'note':
			return [e.text];
		case 'link':
			return link(c, e);
		case 'acknowledged':
			return [labelOf(c.book.phrases, 'acknowledged', c.lang)];
	}
}

function reasonOf(e: CaseEvent): string | undefined {
	return e.type === 'amended' || e.type === 'transition' || e.type === 'settled' ? e.reason : undefined;
}

function contextOf(language: Language, options: RenderOptions): Context {
	return { lang: language, book: options.book ?? DEFAULT_BOOK, colon: COLON[language], authority: options.authorityName ?? ((id) => id) };
}

/** The readable body of a case event in `language`. */
export function renderBody(event: CaseEvent, language: Language, options: RenderOptions = {}): string {
	const c = contextOf(language, options);
	const reason = reasonOf(event);
	const text = lines(c, event);
	return (reason === undefined ? text : [...text, line(c, labelOf(c.book.phrases, 'reason', c.lang), reason)]).join('\n');
}

/** One field's value as the bodies write it (an amendment's history shows before and after this way); empty when unset. */
export function renderFieldValue(field: FieldName, fields: Partial<CaseFields>, language: Language, options: RenderOptions = {}): string {
	return value(contextOf(language, options), field, fields);
}

/** A BodyRenderer for one language, for the builders. */
export const rendererFor =
	(language: Language, options: RenderOptions = {}): BodyRenderer =>
	(event) =>
		renderBody(event, language, options);
