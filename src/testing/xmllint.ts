// Validates XML documents with xmllint against IPTC's NewsML-G2 2.35 XSD, kept in the repository
// with its licence (src/publishing/wire/standards/newsml-g2/). Many documents go in one run.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const NEWSML_G2_XSD = fileURLToPath(new URL('../publishing/wire/standards/newsml-g2/NewsML-G2_2.35-spec-All-Power.xsd', import.meta.url));

/** xmllint's complaints about the documents, empty when all are valid. */
export function newsmlErrors(documents: string[]): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'dispatch-newsml-'));
  try {
    const files = documents.map((xml, i) => {
      const file = path.join(dir, `item-${i}.xml`);
      writeFileSync(file, xml);
      return file;
    });
    try {
      execFileSync('xmllint', ['--noout', '--nonet', '--schema', NEWSML_G2_XSD, ...files], { stdio: 'pipe' });
      return '';
    } catch (error) {
      return String((error as { stderr?: Buffer }).stderr ?? error);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
