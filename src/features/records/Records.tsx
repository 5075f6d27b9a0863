import { PageHeader, EmptyState } from '../../ui/page';

export function Records() {
  return (
    <>
      <PageHeader title="Records" lead="The year's CPNI compliance evidence, kept per client." />
      <EmptyState title="No records yet">
        <p>
          Here you will keep breach incidents, marketing campaigns, third-party disclosures, customer approvals, opt-out
          notices, supervisory reviews, training, complaints, data-broker actions, pretexting attempts and opt-out failures,
          each with the deadlines and retention period the rules set.
        </p>
      </EmptyState>
    </>
  );
}
