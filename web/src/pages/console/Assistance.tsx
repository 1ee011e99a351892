/**
 * The assistance centre (帮办服务中心) in the console: the centre's workbench (cases, a task board
 * by department with the working days left, joint meetings and their minutes, applications filed
 * for the enterprise, closure); a department's queue of tasks handed to it (交办); an enterprise's
 * view of its projects' progress. Each part is a file of its own under assistance/; this module is
 * the one the console imports.
 */
export { CentreWorkbench } from './assistance/Centre.tsx';
export { DepartmentTaskQueue } from './assistance/DepartmentQueue.tsx';
export { EnterpriseProjects } from './assistance/EnterpriseProjects.tsx';
