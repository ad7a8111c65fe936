// Why a card of an imported vCard file is refused (policies/directory/vcard,
// VcardReason), in the editor's language: one sentence per reason, naming the
// property and the value as written in the file, so that the editor can find
// and mend it. The CLI says the same reasons in English (reasonText).
import { DIRECTORY_ROLES } from '#policies/directory/types.ts';
import type { CardRefusal, VcardReason } from '#policies/directory/vcard/index.ts';
import * as m from '../paraglide/messages.js';
import type { Locale } from '../paraglide/runtime.js';

export function vcardReasonText(reason: VcardReason, locale: Locale): string {
	const o = { locale };
	switch (reason.kind) {
		case 'syntax':
			return SYNTAX[reason.problem]({ text: reason.text, parameter: reason.parameter ?? '' }, o);
		case 'outside':
			return reason.where === 'before'
				? m.directory_vcard_outside_before({ text: reason.text }, o)
				: m.directory_vcard_outside_after({ text: reason.text }, o);
		case 'begin-not-vcard':
			return m.directory_vcard_begin_not_vcard({ value: reason.value }, o);
		case 'end-not-vcard':
			return m.directory_vcard_end_not_vcard({ value: reason.value }, o);
		case 'nested':
			return m.directory_vcard_nested({ value: reason.value, began: reason.began }, o);
		case 'no-end':
			return m.directory_vcard_no_end({}, o);
		case 'version-missing':
			return m.directory_vcard_version_missing({}, o);
		case 'version-not-4':
			return m.directory_vcard_version_not_4({ version: reason.version }, o);
		case 'bad-pref':
			return m.directory_vcard_bad_pref({ property: reason.property, value: reason.value }, o);
		case 'repeated':
			return m.directory_vcard_repeated({ property: reason.property, first: reason.first }, o);
		case 'name-missing':
			return m.directory_vcard_name_missing({}, o);
		case 'name-empty':
			return m.directory_vcard_name_empty({}, o);
		case 'id-missing':
			return m.directory_vcard_id_missing({}, o);
		case 'id-empty':
			return m.directory_vcard_id_empty({}, o);
		case 'authority-unknown':
			return m.directory_vcard_authority_unknown({ property: reason.property, value: reason.value }, o);
		case 'authority-conflict':
			return m.directory_vcard_authority_conflict({ org: reason.org, named: reason.named }, o);
		case 'authority-missing':
			return m.directory_vcard_authority_missing({ example: reason.example }, o);
		case 'org-not-authority-id':
			return m.directory_vcard_org_not_authority_id({ value: reason.value, example: reason.example }, o);
		case 'role':
			// NOTE: the roles as a file must write them (ROLE values), not translated.
			return m.directory_vcard_role({ value: reason.value, roles: DIRECTORY_ROLES.join(', ') }, o);
		case 'language':
			return m.directory_vcard_language({ value: reason.value }, o);
		case 'tz-offset':
			return m.directory_vcard_tz_offset({ value: reason.value }, o);
		case 'tz-unknown':
			return m.directory_vcard_tz_unknown({}, o);
		case 'hours-need-tz':
			return m.directory_vcard_hours_need_tz({}, o);
		case 'hours':
			return HOURS[reason.problem]({ value: reason.value }, o);
		case 'rota':
			return ROTA[reason.problem]({ value: reason.value }, o);
		case 'impp':
			return IMPP[reason.problem]({ value: reason.value }, o);
		case 'email':
			return m.directory_vcard_email({ value: reason.value }, o);
		case 'duplicate-id':
			return m.directory_vcard_duplicate_id({ first: reason.first, id: reason.id, authority: reason.authority }, o);
		case 'other-authority':
			return m.directory_vcard_other_authority({ authority: reason.authority, own: reason.own }, o);
	}
}

type SyntaxMessage = (inputs: { text: string; parameter: string }, options: { locale: Locale }) => string;

const SYNTAX: Readonly<Record<Extract<VcardReason, { kind: 'syntax' }>['problem'], SyntaxMessage>> = {
	'no-colon': m.directory_vcard_syntax_no_colon,
	'bad-name': m.directory_vcard_syntax_bad_name,
	'bad-parameter-name': m.directory_vcard_syntax_bad_parameter_name,
	'unclosed-quote': m.directory_vcard_syntax_unclosed_quote,
	'stray-quote': m.directory_vcard_syntax_stray_quote,
	'after-quote': m.directory_vcard_syntax_after_quote,
};

type ValueMessage = (inputs: { value: string }, options: { locale: Locale }) => string;

const HOURS: Readonly<Record<Extract<VcardReason, { kind: 'hours' }>['problem'], ValueMessage>> = {
	parts: m.directory_vcard_hours_parts,
	days: m.directory_vcard_hours_days,
	'day-twice': m.directory_vcard_hours_day_twice,
	times: m.directory_vcard_hours_times,
	order: m.directory_vcard_hours_order,
};
const ROTA: Readonly<Record<Extract<VcardReason, { kind: 'rota' }>['problem'], ValueMessage>> = {
	parts: m.directory_vcard_rota_parts,
	instant: m.directory_vcard_rota_instant,
	order: m.directory_vcard_rota_order,
};
const IMPP: Readonly<Record<Extract<VcardReason, { kind: 'impp' }>['problem'], ValueMessage>> = {
	scheme: m.directory_vcard_impp_scheme,
	'not-user': m.directory_vcard_impp_not_user,
	segments: m.directory_vcard_impp_segments,
	encoding: m.directory_vcard_impp_encoding,
	'user-id': m.directory_vcard_impp_user_id,
};

/** "Card 2, line 14: …" in the editor's language. */
export const cardRefusalText = (refusal: CardRefusal, locale: Locale): string =>
	m.directory_import_refusal({ card: refusal.card, line: refusal.line, reason: vcardReasonText(refusal.reason, locale) }, { locale });
