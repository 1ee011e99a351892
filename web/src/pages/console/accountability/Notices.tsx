/** The public notices (通报): decisions from circulated criticism up, the unit named, never a person. */
import { api, call } from '../../../api/client.ts';
import type { Notice, Page } from '../../../api/views.ts';
import { Section } from '../../../components/ui.tsx';
import { useLoad } from '../../../components/data.tsx';
import { dateTime } from '../../../format.ts';
import { both, t } from '../../../i18n.ts';
import { MEASURE_WORDS } from '#functions/accountability/rules';
import { deptName, useDepartments } from '../../Public.tsx';
import { AW, clauseText } from './words.ts';

export function NoticesSection() {
  const departments = useDepartments();
  const notices = useLoad(() => call<Page<Notice>>(api.GET('/accountability-notices', { params: { query: { limit: '50' } } })));
  return (
    <Section id="acc-notices" title={both(AW.notices)}>
      <p class="muted">{t(AW.noticesHelp)}</p>
      {notices.data?.items.length === 0 && <p>{t(['暂无', 'None yet'])}</p>}
      <ul>
        {notices.data?.items.map((notice) => (
          <li key={notice.caseId}>
            {deptName(departments.data, notice.dept)} · {clauseText(notice.clause)} · <strong>{t(MEASURE_WORDS[notice.measure])}</strong> ·{' '}
            {dateTime(notice.decidedAt)}
          </li>
        ))}
      </ul>
    </Section>
  );
}
