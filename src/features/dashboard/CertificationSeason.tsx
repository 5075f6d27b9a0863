import { For, Show, createMemo } from 'solid-js';
import { certificationDueDate, certificationDueNote, filingSeason, type CertificationProgress } from '../../domain/deadlines';
import { daysBetween, formatWithWeekday, type IsoDate } from '../../domain/dates';
import { describeStatus } from '../../domain/certification-status';
import type { Client, Settings } from '../../domain/schema';
import { closureDates } from '../../domain/breach-clock';


/** Each active client's certification for the current filing season. */
export function CertificationSeason(props: {
  clients: Client[];
  certifications: CertificationProgress[];
  settings: Settings;
  today: IsoDate;
}) {
  const cal = () => ({ calendar: 'fcc' as const, closures: closureDates(props.settings) });
  const season = createMemo(() => filingSeason(props.today, cal()));
  const due = createMemo(() => certificationDueDate(season(), cal()));
  const note = createMemo(() => certificationDueNote(season(), cal()));
  const progress = createMemo(() => {
    const map = new Map<string, CertificationProgress>();
    // An amended filing in progress is what the user works on now; the original stays filed.
    for (const c of props.certifications) if (c.certificationYear === season() && (c.amends || !map.get(c.clientId)?.amends)) map.set(c.clientId, c);
    return map;
  });
  const daysLeft = () => daysBetween(props.today, due());

  return (
    <section class="panel" aria-labelledby="season-heading" data-testid="certification-season">
      <h2 id="season-heading">
        {season()} certification, covering calendar year {season() - 1}
      </h2>
      <p>
        Due {formatWithWeekday(due())} ({daysLeft() === 0 ? 'today' : daysLeft() > 0 ? `${daysLeft()} ${daysLeft() === 1 ? 'day' : 'days'} left` : `${-daysLeft()} ${daysLeft() === -1 ? 'day' : 'days'} overdue`}) in EB
        Docket No. 06-36, 47 C.F.R. § 64.2009(e).
      </p>
      <Show when={note()}>
        <p class="hint">{note()}</p>
      </Show>
      <table class="table">
        <caption class="visually-hidden">Certification status per client</caption>
        <thead>
          <tr>
            <th scope="col">Client</th>
            <th scope="col">Filer ID</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          <For each={props.clients}>
            {(c) => {
              const p = () => progress().get(c.id);
              return (
                <tr>
                  <th scope="row">
                    <a href={`/certifications?client=${c.id}&year=${season()}`}>{c.legalName}</a>
                  </th>
                  <td>{c.filerId}</td>
                  <td>
                    <span class={`status status--cert-${p()?.status ?? 'none'}`}>
                      {p() ? `${p()!.amends ? 'Amended filing: ' : ''}${describeStatus(p()!, props.today)}` : 'Not started'}
                    </span>
                  </td>
                </tr>
              );
            }}
          </For>
        </tbody>
      </table>
    </section>
  );
}
