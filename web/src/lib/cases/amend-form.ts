// "Amend the request" on a case page, without any UI: the viewer picks one
// field their side may change (AMENDABLE_BY: the substance is the requesting
// side's, the title either side's; references have their own form), edits a
// draft that starts from its current value, and gives a reason. This gives
// the amendment's changes, or says what is wrong; policies/cases has the last
// word when the event is built.
import {
	AMENDABLE_BY,
	FIELD_NAMES,
	type CaseFields,
	type Channel,
	type FieldName,
	type LegalBasisType,
	type Side,
	type Urgency,
} from '#policies/cases/index.ts';
import { err, ok, type Result } from '#policies/result.ts';
import { entriesOf, picksOf, type OffencePicks } from './offence-picks.ts';

export type AmendableField = Exclude<FieldName, 'requestingReference' | 'requestedReference'>;

export type AmendProblem = 'title' | 'offences' | 'respond-by' | 'unchanged' | 'reason';

/** What the form edits, as typed. */
export interface AmendDraft {
	field: AmendableField | '';
	title: string;
	legalBasis: LegalBasisType;
	citation: string;
	offences: OffencePicks;
	urgency: Urgency;
	channel: Channel;
	/** YYYY-MM-DD as the date input gives it, or empty. */
	respondBy: string;
	reason: string;
}

/** The fields `side` may amend here, in the vocabulary's order. */
export function amendableFields(side: Side | undefined): AmendableField[] {
	if (side === undefined) return [];
	return FIELD_NAMES.filter(
		(f): f is AmendableField => f !== 'requestingReference' && f !== 'requestedReference' && AMENDABLE_BY[f].includes(side),
	);
}

/** A draft for `field`, starting from the record's current values. */
export function draftOf(field: AmendableField | '', fields: CaseFields): AmendDraft {
	return {
		field,
		title: fields.title,
		legalBasis: fields.legalBasis.type,
		citation: fields.legalBasis.citation ?? '',
		offences: picksOf(fields.offences),
		urgency: fields.urgency,
		channel: fields.channel,
		respondBy: fields.respondBy ?? '',
		reason: '',
	};
}

/** The changes to send for the draft's field, checked against the current fields; `today` is the viewer's date. */
export function changesOf(draft: AmendDraft, current: CaseFields, today: string): Result<Partial<CaseFields>, AmendProblem> {
	const field = draft.field;
	if (field === '') return err('unchanged');
	const changes = valueOf(draft, field, today);
	if (!changes.ok) return changes;
	if (JSON.stringify(changes.value[field]) === JSON.stringify(current[field])) return err('unchanged');
	if (draft.reason.trim() === '') return err('reason');
	return changes;
}

function valueOf(draft: AmendDraft, field: AmendableField, today: string): Result<Partial<CaseFields>, AmendProblem> {
	switch (field) {
		case 'title': {
			const title = draft.title.trim();
			return title === '' ? err('title') : ok({ title });
		}
		case 'legalBasis': {
			const citation = draft.citation.trim();
			return ok({ legalBasis: { type: draft.legalBasis, ...(citation === '' ? {} : { citation }) } });
		}
		case 'offences': {
			const offences = entriesOf(draft.offences);
			return offences.length === 0 ? err('offences') : ok({ offences });
		}
		case 'urgency':
			return ok({ urgency: draft.urgency });
		case 'channel':
			return ok({ channel: draft.channel });
		case 'respondBy': {
			const date = draft.respondBy.trim();
			// NOTE: an answer-by date can be moved, not removed: an amendment carries new values only.
			return /^\d{4}-\d{2}-\d{2}$/.test(date) && date >= today ? ok({ respondBy: date }) : err('respond-by');
		}
	}
}
