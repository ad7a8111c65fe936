// Hands a dashboard file (statistics-view.ts: the picture's CSV and JSON, an
// authority's witnessed heads) to the browser as a download, as the minutes
// export does: a blob: URL, which the app's CSP allows, so the figures never
// leave this browser on their way to the person's disk.
import type { DashboardFile } from './statistics-view.ts';

export function downloadFile(file: DashboardFile): void {
	const url = URL.createObjectURL(new Blob([file.text], { type: `${file.mediaType};charset=utf-8` }));
	const link = document.createElement('a');
	link.href = url;
	link.download = file.filename;
	link.hidden = true;
	document.body.append(link);
	link.click();
	link.remove();
	setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
