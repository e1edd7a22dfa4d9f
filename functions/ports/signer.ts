/**
 * Signs a finished PDF electronically (PAdES: a signature dictionary with a detached CMS over the file's bytes).
 * On AWS the key is an asymmetric KMS key that never leaves KMS; locally a key file under the state directory.
 * The signature is made with a self-issued certificate: it proves the file is unchanged since lapkin archived it,
 * not a certified signature (TTE) of a person — the documents say so ("tidak tersertifikasi").
 */
export interface Signer {
  /** The certificate's subject as a reader sees it (e.g. "lapkin - Kecamatan Karawaci"). */
  readonly subject: string;
  /** The signed PDF: `pdf` unchanged plus an incremental update holding the signature made at `at`. */
  sign(pdf: Uint8Array, at: Date): Promise<Uint8Array>;
}
