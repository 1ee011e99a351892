/** `/console`: what the signed-in person works on, by role. */
import { canSignIn, SignIn } from '../components/SignIn.tsx';
import { Section } from '../components/ui.tsx';
import { both, ROLE, t, W } from '../i18n.ts';
import { session } from '../session.ts';
import { useSignal } from '../state.ts';
import { DepartmentConsole } from './console/Department.tsx';
import { EnterpriseConsole } from './console/Enterprise.tsx';
import { OversightConsole } from './console/Oversight.tsx';
import { CentreWorkbench, DepartmentTaskQueue, EnterpriseProjects } from './console/Assistance.tsx';
import { AccountabilityWorkbench, DepartmentAccountability } from './console/Accountability.tsx';
import { deptName, useDepartments } from './Public.tsx';

export function ConsolePage() {
  const current = useSignal(session);
  if (!current) {
    return (
      <Section id="sign-in" title={both(W.console)}>
        <p>{t(W.signInNeeded)}</p>
        {canSignIn() && (
          <p>
            <SignIn linkClass="button" />
          </p>
        )}
      </Section>
    );
  }
  const roles = current.roles;
  return (
    <>
      <Identity roles={roles} dept={current.dept} ent={current.ent} />
      {roles.includes('service-centre') && <CentreWorkbench sub={current.sub} />}
      {roles.includes('enterprise') && current.ent && <EnterpriseConsole ent={current.ent} />}
      {roles.includes('enterprise') && current.ent && <EnterpriseProjects ent={current.ent} />}
      {roles.includes('department') && current.dept && <DepartmentConsole dept={current.dept} />}
      {roles.includes('department') && current.dept && <DepartmentTaskQueue dept={current.dept} />}
      {roles.includes('department') && current.dept && <DepartmentAccountability />}
      {(roles.includes('soft-env-office') || roles.includes('supervisor')) && (
        <OversightConsole office={roles.includes('soft-env-office')} supervisor={roles.includes('supervisor')} />
      )}
      {(roles.includes('soft-env-office') || roles.includes('supervisor')) && (
        <AccountabilityWorkbench supervisor={roles.includes('supervisor')} />
      )}
    </>
  );
}

/** Who is signed in: the roles, and the department by its name. */
function Identity({ roles, dept, ent }: { roles: string[]; dept?: string; ent?: string }) {
  const departments = useDepartments();
  return (
    <p class="who">
      {t(W.roleOf)}: {roles.map((role) => (ROLE[role] ? t(ROLE[role]) : role)).join('、')}
      {dept ? ` · ${deptName(departments.data, dept)}` : ''}
      {ent ? ` · ${ent}` : ''}
    </p>
  );
}
