import { mkdir, readdir, readFile, rename, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import type { LocalDocumentStore } from '../../functions/adapters/local-document-store.ts';
import { UPLOAD_PREFIX } from '../../functions/core/upload-key.ts';

/**
 * The drop folder: a file saved as <inbox>/<unit>/<tahun>/<periode>/<file> is put into the store under
 * masuk/… (which triggers intake, exactly like an S3 upload) and then moved to <inbox>/.diproses/ so it is
 * never uploaded twice and never lost. Files still being written (changed in the last second) wait a round.
 */
export class LocalInbox {
  private timer?: NodeJS.Timeout;
  private busy = false;

  constructor(
    private readonly dir: string,
    private readonly store: LocalDocumentStore,
    private readonly log: (line: string) => void,
  ) {}

  async start(intervalMs = 1000) {
    await mkdir(join(this.dir, '.diproses'), { recursive: true });
    this.timer = setInterval(() => void this.scan(), intervalMs);
  }

  stop() {
    if (this.timer) clearInterval(this.timer);
  }

  async scan(): Promise<number> {
    if (this.busy) return 0;
    this.busy = true;
    let moved = 0;
    try {
      for (const file of await this.files(this.dir)) {
        const rel = relative(this.dir, file).split(sep).join('/');
        const info = await stat(file);
        if (Date.now() - info.mtimeMs < 1000) continue;
        const key = `${UPLOAD_PREFIX}${rel}`;
        const type = file.toLowerCase().endsWith('.xlsx')
          ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
          : 'text/csv';
        const { versionId } = await this.store.put({ key, body: await readFile(file), contentType: type });
        const done = join(
          this.dir,
          '.diproses',
          `${new Date().toISOString().replace(/[:.]/g, '-')}-${rel.replace(/\//g, '_')}`,
        );
        await rename(file, done);
        this.log(`inbox: ${rel} → ${key} (versionId ${versionId})`);
        moved++;
      }
    } finally {
      this.busy = false;
    }
    return moved;
  }

  private async files(dir: string): Promise<string[]> {
    const out: string[] = [];
    for (const entry of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
      if (entry.name.startsWith('.')) continue;
      const full = join(dir, entry.name);
      if (entry.isDirectory()) out.push(...(await this.files(full)));
      else if (entry.isFile()) out.push(full);
    }
    return out;
  }
}
