/** The department's part: its findings once shown (to answer), its cases (to appeal). */
import { api, itemsOf, pageQuery } from '../../../api/client.ts';
import type { AccountabilityCase, SupervisionFinding } from '../../../api/views.ts';
import { Section } from '../../../components/ui.tsx';
import { LoadedList, useLoad } from '../../../components/data.tsx';
import { both } from '../../../i18n.ts';
import { AW } from './words.ts';
import { FindingResponse } from './Findings.tsx';
import { CaseAppeal } from './Cases.tsx';

export function DepartmentAccountability() {
  const findings = useLoad(() => itemsOf<SupervisionFinding>((cursor) => api.GET('/supervision-findings', pageQuery({}, cursor))));
  const cases = useLoad(() => itemsOf<AccountabilityCase>((cursor) => api.GET('/accountability-cases', pageQuery({}, cursor))));
  return (
    <>
      <Section id="acc-my-findings" title={both(AW.myFindings)}>
        <LoadedList state={findings} listClass="queue">
          {(finding) => <FindingResponse finding={finding} onDone={findings.reload} />}
        </LoadedList>
      </Section>
      <Section id="acc-my-cases" title={both(AW.myCases)}>
        <LoadedList state={cases} listClass="queue">
          {(record) => <CaseAppeal record={record} onDone={cases.reload} />}
        </LoadedList>
      </Section>
    </>
  );
}
