// @vitest-environment node
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const eslint = new ESLint({ cwd: root });

/** Lints `source` as if it were the file at `path` (nothing is written to disk). */
async function restrictedImports(path: string, source: string): Promise<string[]> {
  const [result] = (await eslint.lintText(source, { filePath: `${root}/${path}` })) as [ESLint.LintResult];
  return result.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('the layering rules are enforced by lint', () => {
  const forbiddenInDomain = [
    "import { createSignal } from 'solid-js';",
    "import { createStore } from 'solid-js/store';",
    "import { useNavigate } from '@solidjs/router';",
    "import Dexie from 'dexie';",
    "import { jsPDF } from 'jspdf';",
    "import { db } from '../db/database';",
    "import { renderPackage } from '../documents/render';",
    "import { RECORD_KINDS } from '../features/records/record-kinds';",
    "import { TextField } from '../ui/fields';",
  ];

  for (const line of forbiddenInDomain) {
    it(`src/domain may not: ${line}`, async () => {
      const messages = await restrictedImports('src/domain/layering-probe.ts', `${line}\nexport const probe = 1;\n`);
      expect(messages.length).toBe(1);
    });
  }

  it('a domain module may import another domain module', async () => {
    expect(await restrictedImports('src/domain/layering-probe.ts', "import { isIsoDate } from './dates';\nexport const probe = isIsoDate;\n")).toEqual([]);
  });

  it('a screen may not touch Dexie, but the storage layer may', async () => {
    const source = "import Dexie from 'dexie';\nexport const probe = Dexie;\n";
    expect((await restrictedImports('src/features/records/layering-probe.ts', source)).length).toBe(1);
    expect(await restrictedImports('src/db/layering-probe.ts', source)).toEqual([]);
  });
});
