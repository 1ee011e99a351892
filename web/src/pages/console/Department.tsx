/** A department's console: record a fee, file an inspection (quiet-day rule first), the complaint queue, its pledges. */
import { useState } from 'preact/hooks';
import { quietDayRule, INSPECTION_CATEGORIES, type InspectionCategory } from '#functions/inspections/rules';
import { api, call, itemsOf, pageQuery } from '../../api/client.ts';
import type { CalendarYear, Complaint, FeeItem, Pledge } from '../../api/views.ts';
import { Badge, QueueCard, Section, Term } from '../../components/ui.tsx';
import { useLoad, LoadedItems, LoadedList } from '../../components/data.tsx';
import {
  CreditCodeField,
  Field,
  formFields,
  formInstant,
  formLines,
  formText,
  Form,
  useSubmit,
  Select,
  TextArea,
} from '../../components/form.tsx';
import { dateTime, standardText, today } from '../../format.ts';
import { both, COMPLAINT_CATEGORY, COMPLAINT_STATUS, INSPECTION_CATEGORY, INSPECTION_STATUS, lang, t, W } from '../../i18n.ts';
import { PledgeTable, useDepartments } from '../Public.tsx';
import { TimeLeft, useCalendars } from '../../components/time.tsx';
import { DepartmentServiceCentre } from './ServiceCentre.tsx';
import { HolderActions } from './DelayNoticeForm.tsx';

export function DepartmentConsole({ dept }: { dept: string }) {
  return (
    <>
      <ComplaintQueue dept={dept} />
      <DepartmentServiceCentre dept={dept} />
      <RecordFee dept={dept} />
      <FileInspection />
      <Section id="my-pledges" title={both(W.myPledges)}>
        <DeptPledges dept={dept} />
      </Section>
    </>
  );
}

/** The limit a complaint is under now: its acknowledgement's while it awaits one, else its answer's. */
export const currentDeadline = (complaint: Complaint): string =>
  complaint.status === 'received' && complaint.deadlines.acknowledgement
    ? complaint.deadlines.acknowledgement.timeline.deadline
    : complaint.deadlines.resolution.timeline.deadline;

function ComplaintQueue({ dept }: { dept: string }) {
  const calendars = useCalendars();
  const complaints = useLoad(() => itemsOf<Complaint>((cursor) => api.GET('/complaints', pageQuery({ dept }, cursor))), [dept]);
  return (
    <Section id="queue" title={both(W.queue)}>
      <LoadedList state={complaints} only={(c) => c.status !== 'closed' && c.status !== 'resolved'} listClass="queue">
        {(complaint) => <QueuedComplaint complaint={complaint} calendars={calendars.data} onChange={complaints.reload} />}
      </LoadedList>
    </Section>
  );
}

function QueuedComplaint({ complaint, calendars, onChange }: { complaint: Complaint; calendars?: CalendarYear[]; onChange: () => void }) {
  const params = { params: { path: { id: complaint.id } } };
  const acknowledge = useSubmit(() => call(api.POST('/complaints/{id}/acknowledgement', { ...params, body: {} })), onChange);
  const answer = useSubmit(
    (form) => call(api.POST('/complaints/{id}/resolution', { ...params, body: formFields(form, 'summary') })),
    onChange,
  );
  const deadline = currentDeadline(complaint);
  const id = `c-${complaint.id}`;
  return (
    <QueueCard
      id={id}
      heading={[<Term map={COMPLAINT_CATEGORY} value={complaint.category} />, <Badge map={COMPLAINT_STATUS} value={complaint.status} />]}
    >
      <p class="description">{complaint.description}</p>
      <p>
        <TimeLeft deadline={deadline} calendars={calendars} /> · <span class="muted">{dateTime(complaint.receivedAt)}</span>
      </p>
      {complaint.delayNotice && (
        <p class="muted">
          {t(W.delayNotice)}: {complaint.delayNotice.reason} ({complaint.delayNotice.expectedBy})
        </p>
      )}
      {complaint.status === 'received' && <Form submit={acknowledge} label={W.acknowledge} />}
      {complaint.status === 'acknowledged' && (
        <HolderActions matter={{ ...complaint, kind: 'complaints' }} onDone={onChange}>
          <Form submit={answer} label={W.sendAnswer}>
            <TextArea id={`${id}-summary`} name="summary" label={W.answerText} rows={3} />
          </Form>
        </HolderActions>
      )}
    </QueueCard>
  );
}

function RecordFee({ dept }: { dept: string }) {
  const items = useLoad(() => itemsOf<FeeItem>((cursor) => api.GET('/fee-items', pageQuery({ unit: dept }, cursor))), [dept]);
  const submit = useSubmit((form) => {
    const enterpriseId = formText(form, 'enterpriseId');
    return call<{ entryId: string }>(
      api.POST('/fee-cards/{enterpriseId}/entries', {
        params: { path: { enterpriseId } },
        body: {
          feeItemCode: formText(form, 'feeItemCode'),
          amount: Math.round(Number(formText(form, 'amount')) * 100),
          collector: formText(form, 'collector'),
          collectedAt: formInstant(form, 'collectedAt'),
          receiptNo: formText(form, 'receiptNo'),
        },
      }),
    );
  });
  const recorded = submit.result?.entryId;
  return (
    <Section id="record-fee" title={both(W.recordFee)}>
      <Form submit={submit} label={W.record} done={recorded && `${t(W.recorded)} #${recorded}`}>
        <CreditCodeField id="fee-ent" />
        <Select
          id="fee-item"
          name="feeItemCode"
          label={W.feeItem}
          options={(items.data ?? []).map((item) => [item.code, `${item.code} ${item.name} (${standardText(item.standard)})`] as const)}
          required
          choose
        />
        <Field id="fee-amount" label={W.amount} name="amount" type="number" step="0.01" min="0" required inputMode="decimal" />
        <Field id="fee-collector" label={W.collector} name="collector" required />
        <Field id="fee-at" label={W.collectedAt} name="collectedAt" type="datetime-local" required />
        <Field id="fee-receipt" label={W.receiptNo} name="receiptNo" required />
      </Form>
    </Section>
  );
}

/** What the quiet-day rule says of a date and category, before the clerk submits (the API's own rule). */
function quietDayHint(plannedDate: string, category: InspectionCategory): { ok: boolean; text: string } | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(plannedDate)) return undefined;
  const outcome = quietDayRule(plannedDate, category);
  const zh = lang.get() === 'zh';
  if ('violation' in outcome)
    return {
      ok: false,
      text: zh ? '每月1日至25日为企业宁静生产日,不得开展日常检查和投诉核查;请改在25日以后,并报软环境办审批。' : outcome.violation.detail,
    };
  if (outcome.status === 'pending-approval')
    return {
      ok: true,
      text: zh
        ? '25日以后的检查须经软环境办审批(1个工作日内)后方可进行。'
        : "After the 25th every inspection waits for the soft-environment office's approval (within 1 working day).",
    };
  return {
    ok: true,
    text: zh
      ? '宁静生产日内仅重大案件查处和安全生产检查可以进行,报备后软环境办将收到提示。'
      : 'On a quiet day only major cases and safety inspections may go ahead; the office is told when it is filed.',
  };
}

function FileInspection() {
  const [plannedDate, setPlannedDate] = useState('');
  const [category, setCategory] = useState<InspectionCategory>('routine');
  const hint = quietDayHint(plannedDate, category);
  const submit = useSubmit((form) =>
    call<{ status: string }>(
      api.POST('/inspections', {
        body: {
          enterpriseId: formText(form, 'enterpriseId'),
          plannedDate,
          category,
          reason: formText(form, 'reason'),
          legalBasis: formText(form, 'legalBasis'),
          inspectors: formLines(form, 'inspectors'),
        },
      }),
    ),
  );
  const filed = submit.result;
  return (
    <Section id="file-inspection" title={both(W.fileInspection)}>
      <Form submit={submit} label={W.file} done={filed && <Term map={INSPECTION_STATUS} value={filed.status} />}>
        <CreditCodeField id="insp-ent" />
        <Field
          id="insp-date"
          label={W.plannedDate}
          name="plannedDate"
          type="date"
          required
          min={today()}
          value={plannedDate}
          onInput={(e) => setPlannedDate(e.currentTarget.value)}
          aria-describedby="quiet-day"
        />
        <label for="insp-category">{t(W.inspectionCategory)}</label>
        <select
          id="insp-category"
          name="category"
          value={category}
          onChange={(e) => setCategory(e.currentTarget.value as InspectionCategory)}
          aria-describedby="quiet-day"
        >
          {INSPECTION_CATEGORIES.map((value) => (
            <option key={value} value={value}>
              {t(INSPECTION_CATEGORY[value] ?? [value, value])}
            </option>
          ))}
        </select>
        <p id="quiet-day" class={`rule ${hint && !hint.ok ? 'problem' : ''}`} aria-live="polite">
          <strong>{t(W.quietDayRule)}:</strong>{' '}
          {hint
            ? hint.text
            : lang.get() === 'zh'
              ? '每月1日至25日为企业宁静生产日。'
              : 'Days 1 to 25 of every month are quiet production days.'}
        </p>
        <TextArea id="insp-reason" name="reason" label={W.inspectionReason} rows={2} />
        <Field id="insp-basis" label={W.inspectionBasis} name="legalBasis" required />
        <label for="insp-inspectors">
          {t(W.inspectors)} ({t(W.inspectorsHelp)})
        </label>
        <textarea id="insp-inspectors" name="inspectors" required rows={2} />
      </Form>
    </Section>
  );
}

function DeptPledges({ dept }: { dept: string }) {
  const pledges = useLoad(() => itemsOf<Pledge>((cursor) => api.GET('/pledges', pageQuery({ dept }, cursor))), [dept]);
  const departments = useDepartments();
  return <LoadedItems state={pledges}>{(items) => <PledgeTable pledges={items} departments={departments.data} />}</LoadedItems>;
}
