import type { Client, ClientInput, Service } from '../../domain/schema';

/** What the client form edits: plain strings, as typed, so nothing is lost on a failed save. */
export interface ClientDraft {
  legalName: string;
  dbaNames: string; // one per line
  filerId: string;
  frn: string;
  street: string;
  city: string;
  state: string;
  zip: string;
  phone: string;
  email: string;
  officers: { id: string; name: string; title: string; isDefaultSignatory: boolean }[];
  services: Service[];
  affiliates: { id: string; legalName: string; filerId: string }[];
  notes: string;
  archived: boolean;
}

export function emptyDraft(): ClientDraft {
  return {
    legalName: '', dbaNames: '', filerId: '', frn: '', street: '', city: '', state: '', zip: '', phone: '', email: '',
    officers: [], services: [], affiliates: [], notes: '', archived: false,
  };
}

export function draftFromClient(c: Client): ClientDraft {
  return {
    legalName: c.legalName,
    dbaNames: c.dbaNames.join('\n'),
    filerId: c.filerId,
    frn: c.frn,
    street: c.address.street,
    city: c.address.city,
    state: c.address.state,
    zip: c.address.zip,
    phone: c.phone,
    email: c.email,
    officers: c.officers.map((o) => ({ ...o })),
    services: [...c.services],
    affiliates: c.affiliates.map((a) => ({ ...a })),
    notes: c.notes,
    archived: c.archived,
  };
}

export function inputFromDraft(d: ClientDraft): ClientInput {
  return {
    legalName: d.legalName,
    dbaNames: d.dbaNames.split('\n').map((s) => s.trim()).filter(Boolean),
    filerId: d.filerId,
    frn: d.frn,
    address: { street: d.street, city: d.city, state: d.state, zip: d.zip },
    phone: d.phone,
    email: d.email,
    officers: d.officers,
    services: d.services,
    affiliates: d.affiliates,
    notes: d.notes,
    archived: d.archived,
  };
}

/** Maps schema paths ('address.zip') to the draft's field names ('zip'). */
export function draftErrorKey(path: string): string {
  return path.startsWith('address.') ? path.slice('address.'.length) : path;
}
