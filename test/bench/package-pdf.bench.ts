import { it } from 'vitest';
import { layoutDocuments } from '../../src/documents/layout';
import { createMeasure } from '../../src/documents/metrics';
import { exportPackage, packageDocuments } from '../../src/documents/package';
import { prepareDocuments } from '../../src/documents/prepare';
import { makeClient, packageInput } from '../documents/fixtures';
import { loadFont } from '../documents/read-back';
import { measure } from './measure';

const client = {
  ...makeClient(),
  affiliates: Array.from({ length: 6 }, (_, i) => ({ id: `a-${i}`, legalName: `Prairie Valley Affiliate ${i + 1} LLC`, filerId: `82350${i}` })),
};
const contact = 'Questions about this statement may be directed to the compliance officer at the main office during business hours. '.repeat(40);

it('the filing package PDF (six affiliates, a long statement)', async () => {
  for (const signed of [false, true]) {
    const input = packageInput({ client, cert: { sectionEdits: { contact } }, signed });
    const docs = prepareDocuments(packageDocuments(input)).documents;
    const env = { measure: createMeasure(undefined), imageSize: () => ({ width: 1, height: 1 }) };
    const label = signed ? 'signed' : 'draft';
    await measure(`layout of the whole package, page references settled (${label})`, () => layoutDocuments(docs, env), 10);
    await measure(`exportPackage as one PDF, jsPDF included (${label})`, () => exportPackage(input, { mode: 'single', loadFont }), 5);
  }
});
