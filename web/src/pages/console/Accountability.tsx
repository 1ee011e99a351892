/**
 * Accountability (责任追究) in the console: the supervisors' workbench (findings of open and covert
 * checks, cases with their sources and limits, decisions on the sanction ladder, appeals, flags of
 * the retaliation watch) and the department's part (its findings once shown, its cases, the appeal).
 * Each part is a file of its own under accountability/; this module is the one the pages import.
 */
export { AW } from './accountability/words.ts';
export { AccountabilityWorkbench } from './accountability/Workbench.tsx';
export { DepartmentAccountability } from './accountability/DepartmentView.tsx';
export { NoticesSection } from './accountability/Notices.tsx';
