import { PageHeader, EmptyState } from '../../ui/page';

export function Certifications() {
  return (
    <>
      <PageHeader title="Certifications" lead="The annual CPNI compliance certification for each client (47 C.F.R. § 64.2009(e), EB Docket No. 06-36)." />
      <EmptyState title="No certifications yet">
        <p>
          Here you will draft each client's annual certification: the officer's certification, the accompanying statement of
          operating procedures, data-broker actions and customer complaints drawn from the year's records, and a cover letter,
          checked for known filing mistakes and exported as a PDF ready for ECFS.
        </p>
      </EmptyState>
    </>
  );
}
