/** `/track/{code}`: a complaint's status and public timeline, with no identities (the API gives none). */
import { api, call } from '../api/client.ts';
import type { Department, Tracked } from '../api/views.ts';
import { Badge, Section, Term } from '../components/ui.tsx';
import { Loaded, useLoad } from '../components/data.tsx';
import { Field, formText, onFormSubmit } from '../components/form.tsx';
import { dateTime } from '../format.ts';
import { navigate } from '../router.ts';
import { both, COMPLAINT_CATEGORY, COMPLAINT_STATUS, FINDING, t, TIMELINE_EVENT, W } from '../i18n.ts';
import { deptName, useDepartments } from './Public.tsx';

export function TrackPage({ code }: { code: string }) {
  const departments = useDepartments();
  const tracked = useLoad(
    () => call<Tracked>(api.GET('/complaints/track/{trackingCode}', { params: { path: { trackingCode: code } } })),
    [code],
  );
  return (
    <Section id="track" title={both(W.track)}>
      <form
        class="form inline"
        onSubmit={onFormSubmit((form) => {
          const value = formText(form, 'code');
          if (value) navigate(`/track/${encodeURIComponent(value)}`);
        })}
      >
        <Field id="code" label={W.trackingCode} name="code" defaultValue={code} required />
        <button type="submit">{t(W.lookUp)}</button>
      </form>
      {code && <Loaded state={tracked}>{(complaint) => <TrackedDetails complaint={complaint} departments={departments.data} />}</Loaded>}
    </Section>
  );
}

/** A complaint's status, limit, notices, answer, verdict and public timeline (the tracking page, and an enterprise's own complaints). */
export function TrackedDetails({ complaint, departments }: { complaint: Tracked; departments: Department[] | undefined }) {
  return (
    <div class="tracked">
      <p class="status-line">
        <Badge map={COMPLAINT_STATUS} value={complaint.status} /> {deptName(departments, complaint.againstDept)} ·{' '}
        <Term map={COMPLAINT_CATEGORY} value={complaint.category} />
      </p>
      <dl>
        <dt>{t(W.answerDueBy)}</dt>
        <dd>{dateTime(complaint.answerDueBy)}</dd>
        {complaint.delayNotice && (
          <>
            <dt>{t(W.delayNotice)}</dt>
            <dd>
              {complaint.delayNotice.reason} ({t(W.expectedBy)}: {complaint.delayNotice.expectedBy})
            </dd>
          </>
        )}
        {complaint.answer && (
          <>
            <dt>{t(W.answer)}</dt>
            <dd class="answer">{complaint.answer.summary}</dd>
          </>
        )}
        {complaint.verdict && (
          <>
            <dt>{t(W.verdict)}</dt>
            <dd>
              <Term map={FINDING} value={complaint.verdict.finding} />: {complaint.verdict.action}
            </dd>
          </>
        )}
      </dl>
      <h3>{t(W.timeline)}</h3>
      <ol class="timeline">
        {complaint.timeline.map((step, index) => (
          <li key={index}>
            <time dateTime={step.at}>{dateTime(step.at)}</time> <Term map={TIMELINE_EVENT} value={step.event} />
          </li>
        ))}
      </ol>
    </div>
  );
}
