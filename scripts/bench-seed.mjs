// The consultant-scale data set of `npm run bench`, written straight into the app's IndexedDB
// (rows as the app stores them): 300 clients, 150,000 records (~140 soft-deleted; mostly
// approvals, a few percent with clocks) and five seasons of certifications (~3.6 KB each, this
// season's ready to sign). Shared by bench-browser.mjs and bench-backup.mjs.

/** Seeds the open page's database; returns { records, deleted, certifications }. */
export function seedConsultantData(page, sizes) {
  return page.evaluate(
    async ({ clients, records, deleted, certYears }) => {
      const db = await new Promise((ok, fail) => {
        const req = indexedDB.open('cpni-desk');
        req.onsuccess = () => ok(req.result);
        req.onerror = () => fail(req.error);
      });
      const put = (store, rows) =>
        new Promise((ok, fail) => {
          const tx = db.transaction(store, 'readwrite');
          for (const r of rows) tx.objectStore(store).put(r);
          tx.oncomplete = ok;
          tx.onerror = () => fail(tx.error);
        });
      const now = new Date().toISOString();
      const iso = (n) => new Date(Date.UTC(2024, 0, 1) + (n % 1060) * 86400000).toISOString().slice(0, 10);
      await put('clients', Array.from({ length: clients }, (_, i) => ({
        id: `client-${i}`, legalName: `Carrier ${String(i).padStart(3, '0')} Telephone Co.`, dbaNames: [], filerId: String(800000 + i), frn: '',
        address: { street: '', city: '', state: '', zip: '' }, phone: '', email: '', officers: [], services: ['wireline'], affiliates: [], notes: '',
        archived: false, createdAt: now, updatedAt: now,
      })));
      // Mostly approvals, as at real small carriers; a few percent carry clocks.
      const kinds = [['approval', 0.85], ['training', 0.03], ['campaign', 0.03], ['notice', 0.03], ['breach', 0.02], ['optOutFailure', 0.01], ['complaint', 0.03]];
      let n = 0;
      let batch = [];
      for (const [kind, share] of kinds) {
        for (let i = 0; i < Math.round(records * share); i++, n++) {
          const date = iso(n);
          // Rows as the app stores them (schema version 5): a live record carries its `liveDate`.
          const gone = n % Math.floor(records / deleted) === 7;
          const base = { id: `r-${n}`, clientId: `client-${n % clients}`, kind, date, createdAt: now, updatedAt: now, rev: 1, entityVersion: 2, ...(gone ? { deletedAt: now } : { liveDate: date }) };
          batch.push(
            kind === 'breach' ? { ...base, discoveredOn: date, determinedOn: date, cpniInvolved: 'CDR', customersAffected: '', agenciesNotifiedOn: n % 3 ? date : '' }
            : kind === 'optOutFailure' ? { ...base, learnedOn: date, mechanism: 'web', problem: 'down', letterSentOn: n % 2 ? date : '' }
            : kind === 'notice' ? { ...base, sentOn: date, method: 'mail' }
            : kind === 'approval' ? { ...base, accountRef: `A${n}`, approvalType: 'optOut', medium: 'written', status: 'granted', decidedOn: date, scope: '' }
            : kind === 'training' ? { ...base, heldOn: date, topic: 'CPNI' }
            : kind === 'campaign' ? { ...base, name: 'Promo', description: 'd', startedOn: date, cpniUsed: 'usage', productsOffered: 'x', approvalBasis: 'optOut' }
            : { ...base, receivedOn: date, category: 'other', summary: 's' },
          );
          if (batch.length === 10_000) { await put('records', batch); batch = []; }
        }
      }
      await put('records', batch);
      // Five seasons of certifications, each ~3.6 KB like a drafted one (answers, edited
      // sections); this season's are ready to sign, earlier ones filed.
      const season = new Date().getFullYear();
      const edit = 'The Company trains every employee with access to CPNI before access is granted and yearly after that. '.repeat(30);
      const certs = [];
      for (let y = 0; y < certYears; y++) {
        for (let c = 0; c < clients; c++) {
          const year = season - y;
          const status = y === 0 ? 'ready' : 'filed';
          const signatureDate = y === 0 ? '' : `${year}-02-20`;
          const filedOn = y === 0 ? '' : `${year}-02-25`;
          const ecfsConfirmation = y === 0 ? '' : `${year}0225${String(c).padStart(5, '0')}`;
          certs.push({
            id: `k-${year}-${c}`, clientId: `client-${c}`, certificationYear: year, status, signatory: { name: 'Ann Lee', title: 'President' }, preparerId: '',
            dateFiled: '', signatureDate, filedOn, ecfsConfirmation, answers: { version: 2, values: {}, topics: {}, simChangeComplianceDate: '' }, sectionEdits: { training: edit }, overrides: {}, lintOverrides: [],
            signature: { kind: 'typed' }, coverLetter: { include: false, addressee: [], body: '', cc: [] }, createdAt: now, updatedAt: now, rev: 1, entityVersion: 2,
          });
        }
      }
      await put('certifications', certs);
      // Written straight into IndexedDB, past the app: so their summaries too, as the app keeps them.
      await put('certificationSummaries', certs.map(({ id, clientId, certificationYear, status, signatureDate, filedOn, ecfsConfirmation }) => ({ id, clientId, certificationYear, status, signatureDate, filedOn, ecfsConfirmation })));
      const deletedCount = await new Promise((ok) => {
        const req = db.transaction('records').objectStore('records').index('deletedAt').count();
        req.onsuccess = () => ok(req.result);
      });
      db.close();
      return { records: n, deleted: deletedCount, certifications: certs.length };
    },
    sizes,
  );
}
