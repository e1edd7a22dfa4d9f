/** The execution input: which report, and which uploaded data version to assemble first. */
export function workflowInput(reportId: string, source: { key: string; versionId: string }) {
  return { reportId, source };
}
