/** The enterprise's console: its fee card (refuse a charge), its inspections with 扫码入企, its complaints. */
import { useState } from 'preact/hooks';
import { api, ApiProblem, call, itemsOf, pageQuery } from '../../api/client.ts';
import type { Department, FeeCard, FeeEntry, Inspection, OwnComplaint } from '../../api/views.ts';
import { QrCode } from '../../components/QrCode.tsx';
import { Badge, Section, Term } from '../../components/ui.tsx';
import { Loaded, useLoad, LoadedList } from '../../components/data.tsx';
import { formText, Form, useSubmit, Select, TextArea } from '../../components/form.tsx';
import { dateTime, yuan } from '../../format.ts';
import { both, COMPLAINT_CATEGORY, INSPECTION_CATEGORY, INSPECTION_STATUS, t, W } from '../../i18n.ts';
import { deptName, useDepartments } from '../Public.tsx';
import { TrackedDetails } from '../Track.tsx';
import { EnterpriseServiceCentre } from './ServiceCentre.tsx';

const REFUSAL_CATEGORIES = ['unregistered-fee', 'fee-without-service', 'tie-in-charge', 'levy', 'arbitrary-fine', 'other'] as const;

export function EnterpriseConsole({ ent }: { ent: string }) {
  const departments = useDepartments();
  // No card yet (404) is a state, not an error: the park office has not issued it.
  const card = useLoad(
    () =>
      wholeCard(ent).catch((error: unknown) => {
        if (error instanceof ApiProblem && error.status === 404) return null;
        throw error;
      }),
    [ent],
  );
  const inspections = useLoad(
    () => itemsOf<Inspection>((cursor) => api.GET('/inspections', pageQuery({ enterpriseId: ent }, cursor))),
    [ent],
  );
  // The complaints it made: filed signed in, charges it refused, visits not allowed (the API keeps them by enterprise).
  const complaints = useLoad(() => itemsOf<OwnComplaint>((cursor) => api.GET('/complaints', pageQuery({}, cursor))), [ent]);
  return (
    <>
      <Section id="card" title={both(W.feeCard)}>
        <Loaded state={card}>
          {(data) =>
            !data ? (
              <p>{t(W.noCard)}</p>
            ) : (
              <>
                <p>
                  {data.enterpriseName} · {data.enterpriseId}
                </p>
                <p>
                  {t(W.chain)}:{' '}
                  <span class={`badge ${data.chain.valid ? 'kept' : 'broken'}`}>{t(data.chain.valid ? W.chainValid : W.chainBroken)}</span>{' '}
                  ({data.chain.entries} {t(W.entries)}){data.chain.problem ? ` ${data.chain.problem}` : ''}
                </p>
                {data.entries.length === 0 ? (
                  <p>{t(W.none)}</p>
                ) : (
                  <ul class="entries">
                    {data.entries.map((entry) => (
                      <EntryRow
                        key={entry.entryId}
                        entry={entry}
                        ent={ent}
                        unitName={deptName(departments.data, entry.unit)}
                        onRefused={() => {
                          card.reload();
                          complaints.reload();
                        }}
                      />
                    ))}
                  </ul>
                )}
              </>
            )
          }
        </Loaded>
      </Section>
      <Section id="inspections" title={`${both(W.inspections)} · ${t(W.checkIn)}`}>
        <LoadedList state={inspections} listClass="inspections">
          {(inspection) => <InspectionRow inspection={inspection} departments={departments.data} onVisit={complaints.reload} />}
        </LoadedList>
      </Section>
      <EnterpriseServiceCentre ent={ent} departments={departments.data} />
      <Section id="my-complaints" title={both(W.myComplaints)}>
        <LoadedList state={complaints} listClass="own-complaints">
          {(complaint) => (
            <li>
              <p class="muted">
                {t(W.receivedAt)} {dateTime(complaint.receivedAt)}
              </p>
              <p class="description">{complaint.description}</p>
              <TrackedDetails complaint={complaint} departments={departments.data} />
            </li>
          )}
        </LoadedList>
      </Section>
    </>
  );
}

/** The card with every entry: the API answers a page of them at a time. */
async function wholeCard(ent: string): Promise<FeeCard> {
  const page = (cursor?: string) =>
    call<FeeCard>(
      api.GET('/fee-cards/{enterpriseId}', {
        params: { path: { enterpriseId: ent }, ...pageQuery({}, cursor).params },
      }),
    );
  const first = await page();
  const entries = [...first.entries];
  for (let cursor = first.nextCursor; cursor;) {
    const next = await page(cursor);
    entries.push(...next.entries);
    cursor = next.nextCursor;
  }
  return { ...first, entries };
}

function EntryRow({ entry, ent, unitName, onRefused }: { entry: FeeEntry; ent: string; unitName: string; onRefused: () => void }) {
  const [open, setOpen] = useState(false);
  const submit = useSubmit(
    (form) =>
      call<unknown>(
        api.POST('/fee-cards/{enterpriseId}/entries/{entryId}/refusal', {
          params: { path: { enterpriseId: ent, entryId: entry.entryId } },
          body: { reason: formText(form, 'reason'), category: formText(form, 'category') as (typeof REFUSAL_CATEGORIES)[number] },
        }),
      ),
    () => {
      setOpen(false);
      onRefused();
    },
  );
  const id = `refuse-${entry.entryId}`;
  return (
    <li class="entry">
      <div class="entry-line">
        <strong>{entry.feeItemName}</strong> <span class="amount">{yuan(entry.amount)}</span>
        <span class="muted">
          {unitName} · {t(W.collector)} {entry.collector} · {dateTime(entry.collectedAt)} · {t(W.receiptNo)} {entry.receiptNo}
        </span>
        {entry.refused ? (
          <span class="badge broken">{t(W.refused)}</span>
        ) : (
          <button type="button" aria-expanded={open} aria-controls={id} onClick={() => setOpen(!open)}>
            {t(W.refuse)}
          </button>
        )}
      </div>
      {open && !entry.refused && (
        <Form submit={submit} label={W.submitRefusal} id={id}>
          <Select
            id={`${id}-category`}
            name="category"
            label={W.refusalCategory}
            options={REFUSAL_CATEGORIES.map((value) => [value, COMPLAINT_CATEGORY[value] ?? value] as const)}
          />
          <TextArea id={`${id}-reason`} name="reason" label={W.refusalReason} rows={3} />
        </Form>
      )}
    </li>
  );
}

function InspectionRow({ inspection, departments, onVisit }: { inspection: Inspection; departments?: Department[]; onVisit: () => void }) {
  const [verdict, setVerdict] = useState<{ allowed: boolean; reason: string }>();
  const visit = useSubmit(
    () =>
      call<{ allowed: boolean; reason: string }>(
        api.POST('/inspections/{id}/visits', { params: { path: { id: inspection.id } }, body: {} }),
      ),
    (answer) => {
      setVerdict(answer);
      onVisit();
    },
  );
  const checkable = inspection.status === 'approved' || inspection.status === 'filed';
  // The code opens this console on the inspection: the enterprise, signed in, checks the visit there.
  const checkUrl = `${location.origin}/console?visit=${encodeURIComponent(inspection.id)}`;
  const focused = new URLSearchParams(location.search).get('visit') === inspection.id;
  return (
    <li class={`inspection${focused ? ' focused' : ''}`}>
      <div>
        <strong>{inspection.plannedDate}</strong> {deptName(departments, inspection.department)} ·{' '}
        <Term map={INSPECTION_CATEGORY} value={inspection.category} /> <Badge map={INSPECTION_STATUS} value={inspection.status} />
        <p class="muted">
          {inspection.reason} · {t(W.inspectors)}: {inspection.inspectors.join('、')}
        </p>
      </div>
      {checkable && (
        <div class="check-in">
          <QrCode text={checkUrl} label={`${t(W.checkIn)} ${inspection.plannedDate}`} />
          <p class="muted">{t(W.checkInHelp)}</p>
          <Form submit={visit} label={W.recordVisit} />
          {verdict && (
            <p role="status" class={verdict.allowed ? 'ok' : 'problem'}>
              <strong>{t(verdict.allowed ? W.visitAllowed : W.visitNotAllowed)}</strong> {verdict.reason}
            </p>
          )}
        </div>
      )}
    </li>
  );
}
