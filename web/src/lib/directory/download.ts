// Hands a vCard export to the browser as a file download (a blob: URL, so the
// cards never leave this browser on their way to the person's disk).
import type { PersonEntry } from '#policies/directory/types.ts';
import { exportVcards, VCARD_TYPE, vcardFileName } from './vcard-io.ts';

export function downloadVcards(people: readonly PersonEntry[]): void {
	const url = URL.createObjectURL(new Blob([exportVcards(people)], { type: VCARD_TYPE }));
	const link = document.createElement('a');
	link.href = url;
	link.download = vcardFileName(people);
	link.hidden = true;
	document.body.append(link);
	link.click();
	link.remove();
	setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
