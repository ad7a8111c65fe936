// Hands bytes made or decrypted in this browser to the person as a file
// download (a blob: URL, so they never leave the browser on their way to
// the disk).
export function saveBytes(bytes: Uint8Array, filename: string, mediaType: string): void {
	const url = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: mediaType }));
	const link = window.document.createElement('a');
	link.href = url;
	link.download = filename;
	link.hidden = true;
	window.document.body.append(link);
	link.click();
	link.remove();
	setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
