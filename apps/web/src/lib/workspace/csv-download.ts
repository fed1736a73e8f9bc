/**
 * Hands a CSV file built by `@atelier/workspace` (BOM included) to the browser as a download,
 * named `atelier-{what}-{yyyy-mm-dd}.csv` after the person's local date.
 */
export function downloadCsv(csv: string, what: string) {
  const blob = new Blob([csv], { type: 'text/csv;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = `atelier-${what}-${new Date().toLocaleDateString('en-CA')}.csv`;
  document.body.append(a);
  a.click();
  a.remove();
  // Revoked a moment later: some browsers start reading the blob only after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
