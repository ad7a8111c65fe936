// View model of the editor's page: the authority entry and the people of the
// editor's own authority in one network's directory, the forms to change
// them (entry-forms.ts), removing a person (also one whose account left the
// directory room, whom no reader sees any more), importing a vCard file all or
// nothing (vcard-io.ts), and the events the directory ignored with their
// reasons (shown to editors only). Everything is sent through Directories.
import type { AuthorityEntry, DirectoryPayload, PersonEntry } from '#policies/directory/types.ts';
import type { DirectoryView } from './core.ts';
import type { AuthorityId, CountryCode, NetworkId } from '#policies/roster/types.ts';
import { buildDirectoryContent, parseDirectoryContent, type CardRefusal } from './core.ts';
import type { Directories, PublishProblem } from './directories.svelte.ts';
import {
	authorityDraft,
	authorityEntryOf,
	personDraft,
	personEntryOf,
	type AuthorityDraft,
	type FieldProblem,
	type PersonDraft,
} from './entry-forms.ts';
import { importVcards } from './vcard-io.ts';

export type EditorOutcome =
	| { readonly kind: 'saved' }
	| { readonly kind: 'imported'; readonly count: number }
	| { readonly kind: 'removed' }
	| { readonly kind: 'problems'; readonly form: 'authority' | 'person'; readonly problems: readonly FieldProblem[] }
	| { readonly kind: 'refused-cards'; readonly refusals: readonly CardRefusal[] }
	| { readonly kind: 'not-sent'; readonly problem: PublishProblem }
	/** The core's parser would refuse the entry: its reason, in English, for the console only (the page says a sentence of its own). */
	| { readonly kind: 'invalid'; readonly reason: string };

export class DirectoryEditor {
	readonly #directories: Directories;
	readonly #authority: AuthorityId;
	network = $state<NetworkId>('' as NetworkId);
	authorityForm = $state<AuthorityDraft>(authorityDraft(undefined, 'en'));
	/** The person being edited (a new one when its id is empty), or none. */
	personForm = $state<PersonDraft | undefined>();
	#outcome = $state<EditorOutcome | undefined>();
	#busy = $state(false);

	constructor(directories: Directories, authority: AuthorityId, language: string) {
		this.#directories = directories;
		this.#authority = authority;
		this.network = directories.editorNetworks[0] ?? ('' as NetworkId);
		this.authorityForm = authorityDraft(this.authorityEntry, language);
	}

	get authority(): AuthorityId {
		return this.#authority;
	}

	get view(): DirectoryView | undefined {
		return this.#directories.directory(this.network)?.view;
	}

	get authorityEntry(): AuthorityEntry | undefined {
		return this.view?.authorities.find((a) => a.entry.authority === this.#authority)?.entry;
	}

	get authorityUpdated(): { at: string; by: string } | undefined {
		return this.view?.authorities.find((a) => a.entry.authority === this.#authority)?.updated;
	}

	get people(): readonly { entry: PersonEntry; updated: { at: string; by: string } }[] {
		return this.view?.people.filter((p) => p.entry.authority === this.#authority) ?? [];
	}

	/** The authority's people whose account left the directory room: no reader sees them until it joins again. */
	get leftPeople(): readonly PersonEntry[] {
		return this.view?.departed.flatMap((d) => (d.authority === this.#authority && d.entry !== undefined ? [d.entry] : [])) ?? [];
	}

	get ignored(): DirectoryView['ignored'] {
		return this.view?.ignored ?? [];
	}

	get outcome(): EditorOutcome | undefined {
		return this.#outcome;
	}

	get busy(): boolean {
		return this.#busy;
	}

	/** A field's problem in the last outcome, if that was about this form. */
	problemOf(form: 'authority' | 'person', field: string): FieldProblem | undefined {
		const outcome = this.#outcome;
		return outcome?.kind === 'problems' && outcome.form === form ? outcome.problems.find((p) => p.field === field) : undefined;
	}

	/** Reloads the authority form from the directory (after switching network, or to undo). */
	resetAuthority(language: string): void {
		this.authorityForm = authorityDraft(this.authorityEntry, language);
	}

	editPerson(id: string | undefined): void {
		this.#outcome = undefined;
		this.personForm = personDraft(id === undefined ? undefined : this.people.find((p) => p.entry.id === id)?.entry);
	}

	cancelPerson(): void {
		this.personForm = undefined;
	}

	async saveAuthority(): Promise<boolean> {
		const country = this.#directories.parties.roster.authorities.find((a) => a.id === this.#authority)?.country ?? ('' as CountryCode);
		const entry = authorityEntryOf(this.authorityForm, { authority: this.#authority, country }, this.authorityEntry);
		if (!entry.ok) return this.#done({ kind: 'problems', form: 'authority', problems: entry.error });
		return this.#send([{ type: 'authority', entry: entry.value, updated: this.#directories.stamp() }], { kind: 'saved' });
	}

	async savePerson(): Promise<boolean> {
		const form = this.personForm;
		if (form === undefined) return false;
		const entry = personEntryOf(form, this.#authority);
		if (!entry.ok) return this.#done({ kind: 'problems', form: 'person', problems: entry.error });
		const sent = await this.#send([{ type: 'person', entry: entry.value, updated: this.#directories.stamp() }], { kind: 'saved' });
		if (sent) this.personForm = undefined;
		return sent;
	}

	async removePerson(id: string, why: 'departed' | 'removed'): Promise<boolean> {
		return this.#send([{ type: 'removed', authority: this.#authority, person: id, why, updated: this.#directories.stamp() }], {
			kind: 'removed',
		});
	}

	/** Imports a vCard file: every card, or none with each refusal. */
	async importFile(text: string): Promise<boolean> {
		const authorities = this.#directories.parties.roster.authorities.map((a) => a.id);
		const imported = importVcards(text, authorities, this.#authority);
		if (!imported.ok) return this.#done({ kind: 'refused-cards', refusals: imported.error });
		const stamp = this.#directories.stamp();
		return this.#send(
			imported.value.map((entry) => ({ type: 'person', entry, updated: stamp })),
			{ kind: 'imported', count: imported.value.length },
		);
	}

	async #send(payloads: readonly DirectoryPayload[], success: EditorOutcome): Promise<boolean> {
		// NOTE: every reader parses what arrives with the core's parser; what it would refuse is never sent.
		for (const payload of payloads) {
			const read = parseDirectoryContent(buildDirectoryContent(payload));
			if (!read.ok) {
				console.debug('[directory editor] the parser would refuse', read.error);
				return this.#done({ kind: 'invalid', reason: read.error });
			}
		}
		this.#busy = true;
		this.#outcome = undefined;
		try {
			for (const payload of payloads) {
				const sent = await this.#directories.publish(this.network, payload);
				if (!sent.ok) return this.#done({ kind: 'not-sent', problem: sent.error });
			}
			return this.#done(success);
		} finally {
			this.#busy = false;
		}
	}

	#done(outcome: EditorOutcome): boolean {
		this.#outcome = outcome;
		return outcome.kind === 'saved' || outcome.kind === 'imported' || outcome.kind === 'removed';
	}
}
