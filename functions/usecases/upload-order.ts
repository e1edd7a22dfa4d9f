/** What intake is told of an upload, and the order of two uploads of the same key. */
export interface UploadReceived {
  key: string;
  versionId: string;
  /** S3's per-key event order (detail.object.sequencer); absent in hand-made events. */
  sequencer?: string;
}

/** S3 sequencers compare as strings once the shorter is right-padded with zeros (S3 event docs). */
export function isOlderUpload(sequencer: string | undefined, than: string | undefined): boolean {
  if (!sequencer || !than) return false;
  const len = Math.max(sequencer.length, than.length);
  return sequencer.padEnd(len, '0') < than.padEnd(len, '0');
}
