// View model of the new-request form: the fields as typed, the checks before
// sending (counterpart IDs, offences, a title), and the request opened
// through CaseRooms. The payload validator of policies/cases has the last word.
import type { Channel, LegalBasisType, RequestKind, Urgency } from '#policies/cases/index.ts';
import { calendarDate, isUserId, parseCaseReference } from '#policies/cases/index.ts';
import { federationPeers } from '#policies/roster/federation.ts';
import type { AuthorityId, Language } from '#policies/roster/types.ts';
import type { CaseRooms } from './case-rooms.svelte.ts';
import type { RefusalCode } from './refusal.ts';
import { entriesOf, picksOf, type OffencePicks } from './offence-picks.ts';

export type FormProblem =
	| { readonly kind: 'title' }
	| { readonly kind: 'reference' }
	| { readonly kind: 'offences' }
	| { readonly kind: 'respond-by' }
	| { readonly kind: 'invite' }
	| { readonly kind: 'counterpart' }
	/** Refused before anything was sent, for a reason the page words (refusal-text.ts). */
	| { readonly kind: 'refused'; readonly code: RefusalCode }
	| { readonly kind: 'failed' };

export class NewRequestForm {
	readonly #cases: CaseRooms;
	kind = $state<RequestKind>('mla');
	requested = $state<string>('');
	title = $state('');
	reference = $state('');
	legalBasis = $state<LegalBasisType>('untoc');
	citation = $state('');
	offences = $state<OffencePicks>(picksOf());
	urgency = $state<Urgency>('routine');
	channel = $state<Channel>('formal');
	/** The answer-by date as the date input gives it (YYYY-MM-DD), or empty. */
	respondBy = $state('');
	invite = $state('');
	#problem = $state<FormProblem | undefined>();
	#sending = $state(false);

	constructor(cases: CaseRooms) {
		this.#cases = cases;
	}

	get problem(): FormProblem | undefined {
		return this.#problem;
	}

	get sending(): boolean {
		return this.#sending;
	}

	/**
	 * The authorities one may send a request to: those one's homeserver
	 * federates with (same network, or a cross-network link) that run a
	 * homeserver in this deployment.
	 */
	get counterparts(): AuthorityId[] {
		const self = this.#cases.self;
		if (self === undefined) return [];
		const deployed = [...this.#cases.parties.servers.values()];
		return federationPeers(this.#cases.parties.roster, self).filter((id) => deployed.includes(id));
	}

	/**
	 * Fills the counterpart and the people to invite from an address (the
	 * directory's "Open a request": /cases/new?to=<authority>&invite=<Matrix ID>);
	 * an authority one may not send to is left unchosen.
	 */
	prefill(to: string | null, invite: readonly string[]): void {
		if (to !== null && this.counterparts.includes(to as AuthorityId)) this.requested = to;
		for (const id of invite) if (isUserId(id)) this.setInvited(id, true);
	}

	/** The Matrix IDs typed or chosen to invite. */
	get invited(): string[] {
		return this.invite.split(/[\s,;]+/).filter((id) => id !== '');
	}

	/** Adds a person to (or takes them off) the IDs to invite, as the directory's people are ticked. */
	setInvited(id: string, on: boolean): void {
		const others = this.invited.filter((known) => known !== id);
		this.invite = (on ? [...others, id] : others).join(', ');
	}

	/** Opens the request; resolves with the new room's ID, or undefined with `problem` set. */
	async submit(language: Language, today: string = calendarDate(Date.now())): Promise<string | undefined> {
		this.#problem = undefined;
		const title = this.title.trim();
		if (title === '') return this.#fail({ kind: 'title' });
		if (this.requested === '' || !this.counterparts.includes(this.requested as AuthorityId)) return this.#fail({ kind: 'counterpart' });
		const reference = this.reference.trim();
		const parsedReference = reference === '' ? undefined : parseCaseReference(reference);
		if (parsedReference !== undefined && !parsedReference.ok) return this.#fail({ kind: 'reference' });
		const offences = entriesOf(this.offences);
		if (offences.length === 0) return this.#fail({ kind: 'offences' });
		const respondBy = this.respondBy.trim();
		if (respondBy !== '' && (!/^\d{4}-\d{2}-\d{2}$/.test(respondBy) || respondBy < today)) return this.#fail({ kind: 'respond-by' });
		const invite = this.invited;
		if (invite.length === 0 || invite.some((id) => !isUserId(id))) return this.#fail({ kind: 'invite' });
		const citation = this.citation.trim();
		this.#sending = true;
		try {
			const opened = await this.#cases.openRequest({
				kind: this.kind,
				requested: this.requested as AuthorityId,
				fields: {
					title,
					...(parsedReference?.ok === true ? { requestingReference: parsedReference.value } : {}),
					legalBasis: { type: this.legalBasis, ...(citation === '' ? {} : { citation }) },
					offences,
					urgency: this.urgency,
					channel: this.channel,
					...(respondBy === '' ? {} : { respondBy }),
				},
				invite,
				language,
			});
			if (opened.ok) return opened.value;
			if (opened.error.kind === 'invalid-event') {
				console.debug('[new request] refused', opened.error.reason);
				return this.#fail({ kind: 'refused', code: opened.error.code });
			}
			return this.#fail({ kind: 'failed' });
		} finally {
			this.#sending = false;
		}
	}

	#fail(problem: FormProblem): undefined {
		this.#problem = problem;
		return undefined;
	}
}
