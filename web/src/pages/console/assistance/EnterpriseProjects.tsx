/** An enterprise's view of its projects: opening one, and each with its tasks, meetings, applications and timeline. */
import { Badge, Folded, QueueCard, Section } from '../../../components/ui.tsx';
import { LoadedItems } from '../../../components/data.tsx';
import { useCalendars } from '../../../components/time.tsx';
import { dateTime } from '../../../format.ts';
import { A, both, CASE_STATUS } from '../../../i18n.ts';
import { useDepartments } from '../../Public.tsx';
import { CaseApplications, CaseFacts, OpenCase, useCases } from './Cases.tsx';
import { TaskList } from './Tasks.tsx';
import { Meetings } from './Meetings.tsx';

export function EnterpriseProjects({ ent }: { ent: string }) {
  const departments = useDepartments();
  const calendars = useCalendars();
  const cases = useCases(ent);
  return (
    <Section id="my-projects" title={both(A.myProjects)}>
      <Folded summary={A.openMine}>
        <OpenCase onOpened={cases.reload} />
      </Folded>
      <LoadedItems state={cases}>
        {(items) => (
          <ul class="queue">
            {items.map((record) => (
              <QueueCard
                key={record.id}
                id={`mine-${record.id}`}
                heading={[record.project, <Badge map={CASE_STATUS} value={record.status} />]}
              >
                <CaseFacts record={record} />
                <TaskList record={record} departments={departments.data} calendars={calendars.data} onChange={cases.reload} />
                <Meetings record={record} departments={departments.data} onChange={cases.reload} />
                <CaseApplications record={record} departments={departments.data} />
                {record.timeline && (
                  <Folded summary={A.timeline}>
                    <ol class="timeline">
                      {record.timeline.map((entry, n) => (
                        <li key={n}>
                          {dateTime(entry.at)} · {entry.text}
                        </li>
                      ))}
                    </ol>
                  </Folded>
                )}
              </QueueCard>
            ))}
          </ul>
        )}
      </LoadedItems>
    </Section>
  );
}
