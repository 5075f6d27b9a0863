/** Training of personnel on the use of CPNI and the disciplinary process (§ 64.2009(b)). */
import { field } from './fields';
import { clip, defineKind, joinSummary } from './kind';

export const training = defineKind({
  kind: 'training',
  title: 'Training session',
  plural: 'Training sessions',
  citation: '§ 64.2009(b)',
  description: 'Training of personnel on when they may and may not use CPNI, and the disciplinary process (§ 64.2009(b)).',
  fields: {
    heldOn: field.date('Training date', { required: true }),
    topic: field.text('Topic', { required: true }),
    trainer: field.text('Trainer'),
    attendees: field.textarea('Attendees', { hint: 'Names, or a count and where the sign-in sheet is kept.' }),
    materials: field.textarea('Materials'),
    acknowledgements: field.textarea('Employee acknowledgements'),
    disciplinaryActions: field.textarea('Disciplinary actions taken', {
      hint: 'Actions under the carrier’s express disciplinary process for improper use of CPNI (§ 64.2009(b)).',
    }),
  },
  dateField: 'heldOn',
  retention: 'retainSupporting',
  summary: (r) => joinSummary(clip(r.topic, 60), r.trainer && `by ${clip(r.trainer, 30)}`),
});
