// Reads a plenary announcement from untrusted JSON: every field checked
// against its grammar, its closed vocabulary and its length cap; titles in
// exactly the plenary's languages; agenda item ids distinct; unknown keys
// dropped. Returns a Read naming the key path at fault.
import { err, ok } from '../../result.ts';
import { boolean, get, list, object, oneOf, type Read } from '../../cases/events/read.ts';
import { country, unique } from '../../directory/events/parse-entries.ts';
import type { Language } from '../../roster/types.ts';
import { PLENARY_LEVELS, type AgendaItem, type Plenary } from '../types.ts';
import { plenaryDocument } from './encrypted-file.ts';
import { PLENARY_LIMITS as L } from './namespace.ts';
import { day, language, plenaryId, texts } from './values.ts';

function agendaItem(languages: readonly Language[]) {
	return (value: unknown, path: string): Read<AgendaItem> => {
		const o = object(value, path);
		if (!o.ok) return o;
		const id = plenaryId(get(o.value, 'id'), `${path}.id`);
		if (!id.ok) return id;
		const title = texts(get(o.value, 'title'), `${path}.title`, { max: L.title, oneLine: true, languages });
		return title.ok ? ok({ id: id.value, title: title.value }) : title;
	};
}

export function parsePlenary(value: unknown, path: string): Read<Plenary> {
	const o = object(value, path);
	if (!o.ok) return o;
	const v = o.value;
	const at = (key: string) => `${path}.${key}`;
	const id = plenaryId(get(v, 'id'), at('id'));
	if (!id.ok) return id;
	const host = country(get(v, 'host'), at('host'));
	if (!host.ok) return host;
	const start = day(get(v, 'start'), at('start'));
	if (!start.ok) return start;
	const end = day(get(v, 'end'), at('end'));
	if (!end.ok) return end;
	// NOTE: YYYY-MM-DD strings order as the days they name.
	if (end.value < start.value) return err(`${at('end')}: must be on or after the start`);
	const level = oneOf(PLENARY_LEVELS, get(v, 'level'), at('level'));
	if (!level.ok) return level;
	const languages = unique(get(v, 'languages'), at('languages'), 5, language);
	if (!languages.ok) return languages;
	if (languages.value.length === 0) return err(`${at('languages')}: must name at least one language`);
	const title = texts(get(v, 'title'), at('title'), { max: L.title, oneLine: true, languages: languages.value });
	if (!title.ok) return title;
	const agenda = list(get(v, 'agenda'), at('agenda'), L.agendaItems, agendaItem(languages.value));
	if (!agenda.ok) return agenda;
	if (new Set(agenda.value.map((item) => item.id)).size !== agenda.value.length)
		return err(`${at('agenda')}: names the same item id twice`);
	const documents = list(get(v, 'documents'), at('documents'), L.documents, plenaryDocument);
	if (!documents.ok) return documents;
	const cancelled = boolean(get(v, 'cancelled'), at('cancelled'));
	if (!cancelled.ok) return cancelled;
	return ok({
		id: id.value,
		host: host.value,
		start: start.value,
		end: end.value,
		level: level.value,
		title: title.value,
		languages: languages.value,
		agenda: agenda.value,
		documents: documents.value,
		cancelled: cancelled.value,
	});
}
