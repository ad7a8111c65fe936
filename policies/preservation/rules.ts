// The built-in table of preservation rules and of the clocks that run beside a
// preservation (provisional arrest, EIO time limits), as data. Each row cites
// the exact article and says whether its wording was checked against the
// instrument's text and how (docs/preservation-rules.md has the full record).
// Networks and authorities add national rules as data (parse.ts), never here.
import type { PreservationRule, RuleId } from './types.ts';

const id = (value: string) => value as RuleId;

const REQUESTED_PARTY = 'the requested Party, where the data are preserved';

export const BUDAPEST_29: PreservationRule = {
	id: id('budapest-29'),
	instrument: 'Council of Europe Convention on Cybercrime (Budapest, 2001, ETS No. 185)',
	citation: 'Budapest Convention art. 29(7)',
	runsFrom: 'preservation-effected',
	period: { amount: 60, unit: 'days' },
	bound: 'at-least',
	extension: null,
	events: [
		{
			on: 'mla-request-received',
			effect: 'holds',
			until: 'decision-on-request',
			note: 'art. 29(7): once the request for search, seizure or disclosure is received, the data stay preserved pending a decision on it',
		},
	],
	zone: { law: REQUESTED_PARTY, default: null },
	appliesFrom: null,
	verification: {
		status: 'verified',
		note: 'art. 29(1)-(3) read in the Council of Europe text; the 60-day minimum confirmed by a secondary source; the wording of para. 7 is the authentic text as known, not re-read here',
	},
};

export const US_2703F: PreservationRule = {
	id: id('us-2703f'),
	instrument: 'United States Code, title 18, chapter 121 (Stored Communications Act)',
	citation: '18 U.S.C. § 2703(f)(2)',
	runsFrom: 'request-received',
	period: { amount: 90, unit: 'days' },
	bound: 'exactly',
	extension: {
		max: 1,
		period: { amount: 90, unit: 'days' },
		on: 'renewed-request',
		note: '§ 2703(f)(2): "extended for an additional 90-day period upon a renewed request by the governmental entity" — one extension by the statute’s words',
	},
	events: [
		{
			on: 'court-order-or-process-issued',
			effect: 'ends',
			until: null,
			note: '§ 2703(f)(1): records are preserved "pending the issuance of a court order or other process"; from then the order or process governs',
		},
	],
	zone: { law: 'United States federal law; Eastern Time unless the provider’s zone is named', default: 'America/New_York' },
	appliesFrom: null,
	verification: { status: 'verified', note: '§ 2703(f)(1)-(2) read in a copy of the U.S. Code (GPO text)' },
};

export const EU_2023_1543_EPOC_PR: PreservationRule = {
	id: id('eu-2023-1543-epoc-pr'),
	instrument: 'Regulation (EU) 2023/1543 on European Production Orders and European Preservation Orders for electronic evidence',
	citation: 'Regulation (EU) 2023/1543 art. 11(1)',
	runsFrom: 'order-received',
	period: { amount: 60, unit: 'days' },
	bound: 'exactly',
	extension: {
		max: 1,
		period: { amount: 30, unit: 'days' },
		on: 'extension-by-issuing-authority',
		note: 'art. 11(1): during the 60 days the issuing authority may extend the obligation by an additional 30-day period (Annex VI form) to allow the subsequent request for production',
	},
	events: [
		{
			on: 'production-request-confirmed',
			effect: 'holds',
			until: 'data-produced',
			note: 'art. 11(1)-(2): once the issuing authority confirms (Annex V form) that a subsequent request for production was issued, the data are preserved as long as necessary to produce them',
		},
		{
			on: 'release',
			effect: 'ends',
			until: null,
			note: 'art. 11(3): when preservation is no longer necessary the issuing authority informs the addressee and the obligation ceases',
		},
	],
	zone: { law: 'the Member State where the addressee receives the order; Central European Time unless named', default: 'Europe/Brussels' },
	appliesFrom: '2026-08-18',
	verification: {
		status: 'verified',
		note: 'art. 11(1)-(3) read in full (CELEX 32023R1543); the application date, 18 August 2026, confirmed by secondary sources only, its article (34) not re-read here',
	},
};

export const UN_CYBERCRIME_2024: PreservationRule = {
	id: id('un-cybercrime-2024'),
	instrument: 'United Nations Convention against Cybercrime (General Assembly resolution 79/243, 2024)',
	citation: 'UN Convention against Cybercrime art. 42',
	runsFrom: 'preservation-effected',
	period: { amount: 60, unit: 'days' },
	bound: 'at-least',
	extension: null,
	events: [
		{
			on: 'mla-request-received',
			effect: 'holds',
			until: 'decision-on-request',
			note: 'mirrors Budapest art. 29(7): once the request for search, seizure or disclosure is received, the data stay preserved pending a decision on it',
		},
	],
	zone: { law: REQUESTED_PARTY, default: null },
	appliesFrom: null,
	verification: {
		status: 'unverified',
		note: 'the article (42, international expedited preservation; art. 25 is the domestic power) and the 60-day minimum follow the drafting that mirrors Budapest art. 29; the adopted text could not be read here, so the paragraph is not cited',
	},
};

export const MALABO: PreservationRule = {
	id: id('malabo'),
	instrument: 'African Union Convention on Cyber Security and Personal Data Protection (Malabo, 2014)',
	citation: 'Malabo Convention art. 31(3)(d)',
	runsFrom: 'injunction-issued',
	period: { amount: 2, unit: 'years' },
	bound: 'at-most',
	extension: null,
	events: [],
	zone: { law: 'the State Party whose investigating judge orders the preservation', default: null },
	appliesFrom: null,
	verification: {
		status: 'unverified',
		note: 'letter d read in the AU copy EX.CL/846(XXV): "the investigating judge may impose an injunction on any person to preserve and protect the integrity of the data … for a maximum period of two years"; the article and paragraph (31(3)) were not confirmed. A domestic injunction, a ceiling: the Convention sets no period for preservation requested by another State',
	},
};

export const EXTRADITION_PROVISIONAL_ARREST: PreservationRule = {
	id: id('extradition-provisional-arrest-18-40'),
	instrument: 'European Convention on Extradition (Paris, 1957, ETS No. 24)',
	citation: 'European Convention on Extradition art. 16(4)',
	runsFrom: 'arrest',
	period: { amount: 18, unit: 'days' },
	bound: 'at-most',
	extension: {
		max: 1,
		period: { amount: 22, unit: 'days' },
		on: 'arrest-maintained',
		note: 'art. 16(4): the arrest may end after 18 days without the request; it shall not in any event exceed 40 days from the arrest (18 + 22). Bilateral treaties differ (20, 60 days): add them as data',
	},
	events: [
		{
			on: 'extradition-request-received',
			effect: 'holds',
			until: 'decision-on-extradition',
			note: 'art. 16(4): the limits run only until the request for extradition and the art. 12 documents are received',
		},
		{ on: 'release', effect: 'ends', until: null, note: 'art. 16(4): provisional release is possible at any time' },
	],
	zone: { law: 'the requested Party, where the person is arrested', default: null },
	appliesFrom: null,
	verification: {
		status: 'verified',
		note: 'art. 16(4) read in an official translation; the 40 days cross-checked with the Third Additional Protocol art. 6(2)',
	},
};

const EIO = 'Directive 2014/41/EU regarding the European Investigation Order in criminal matters';
const EXECUTING_STATE = { law: 'the executing State; Central European Time unless named', default: 'Europe/Brussels' };

export const EIO_ACKNOWLEDGE: PreservationRule = {
	id: id('eu-eio-2014-41-acknowledge'),
	instrument: EIO,
	citation: 'Directive 2014/41/EU art. 16(1)',
	runsFrom: 'eio-received',
	period: { amount: 7, unit: 'days' },
	bound: 'at-most',
	extension: null,
	events: [],
	zone: EXECUTING_STATE,
	appliesFrom: null,
	verification: {
		status: 'verified',
		note: 'art. 16(1) read in the German version, equally authentic ("unverzüglich, in jedem Fall aber binnen einer Woche nach Eingang der EEA", Annex B form); not amended by Directive (EU) 2023/2843, which changed art. 16(2)-(3)',
	},
};

export const EIO_RECOGNITION: PreservationRule = {
	id: id('eu-eio-2014-41-recognition'),
	instrument: EIO,
	citation: 'Directive 2014/41/EU art. 12(3)',
	runsFrom: 'eio-received',
	period: { amount: 30, unit: 'days' },
	bound: 'at-most',
	extension: {
		max: 1,
		period: { amount: 30, unit: 'days' },
		on: 'delay-notified',
		note: 'art. 12(5): when the executing authority informs the issuing State of the delay, the limit may be extended by a maximum of 30 days',
	},
	events: [],
	zone: EXECUTING_STATE,
	appliesFrom: null,
	verification: { status: 'verified', note: 'art. 12(1)-(5) read in full (legislation.gov.uk, eudr/2014/41 art. 12)' },
};

export const EIO_EXECUTION: PreservationRule = {
	id: id('eu-eio-2014-41-execution'),
	instrument: EIO,
	citation: 'Directive 2014/41/EU art. 12(4)',
	runsFrom: 'recognition-decided',
	period: { amount: 90, unit: 'days' },
	bound: 'at-most',
	extension: null,
	events: [
		{
			on: 'postponement',
			effect: 'holds',
			until: 'grounds-for-postponement-cease',
			note: 'art. 12(4): the 90 days apply unless grounds for postponement under art. 15 exist; art. 12(6) sets no fixed extension',
		},
	],
	zone: EXECUTING_STATE,
	appliesFrom: null,
	verification: { status: 'verified', note: 'art. 12(4) and (6) read in full (legislation.gov.uk, eudr/2014/41 art. 12)' },
};

/** The built-in table, in the order `rules` prints it. */
export const BUILT_IN_RULES: readonly PreservationRule[] = [
	BUDAPEST_29,
	UN_CYBERCRIME_2024,
	US_2703F,
	EU_2023_1543_EPOC_PR,
	MALABO,
	EXTRADITION_PROVISIONAL_ARREST,
	EIO_ACKNOWLEDGE,
	EIO_RECOGNITION,
	EIO_EXECUTION,
];
