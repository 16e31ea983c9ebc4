import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import { can, type Allowed } from '../auth/permissions';

export interface Page {
  /** The route, as React Router writes it. */
  path: string;
  /** The page's name: its navigation entry and document title. */
  label: string;
  /** Shown in the navigation (pages with a parameter are not). */
  nav?: boolean;
  /** Who may open it; everyone signed in when absent. */
  allowed?: Allowed;
  component: LazyExoticComponent<ComponentType>;
}

function page<M>(load: () => Promise<M>, name: keyof M): LazyExoticComponent<ComponentType> {
  return lazy(async () => ({ default: (await load())[name] as ComponentType }));
}

/**
 * Every page of the signed-in app, in navigation order: routes and navigation both come from this list. To add a
 * page, add its entry here (with the permission that opens it); nothing else needs to change.
 */
export const PAGES: Page[] = [
  {
    path: '/',
    label: 'Dashboard',
    nav: true,
    component: page(() => import('../dashboard/DashboardPage'), 'DashboardPage'),
  },
  {
    path: '/tasks',
    label: 'Tasks',
    nav: true,
    allowed: can('tasks:work'),
    component: page(() => import('../tasks/TaskListPage'), 'TaskListPage'),
  },
  {
    path: '/tasks/:id',
    label: 'Task',
    allowed: can('tasks:work'),
    component: page(() => import('../tasks/TaskPage'), 'TaskPage'),
  },
  {
    path: '/approvals',
    label: 'Approvals',
    nav: true,
    allowed: can('deals:approve', 'tasks:work'),
    component: page(() => import('../approvals/ApprovalInboxPage'), 'ApprovalInboxPage'),
  },
  {
    path: '/pipeline',
    label: 'Pipeline',
    nav: true,
    allowed: can('deals:read'),
    component: page(() => import('../pipeline/PipelineBoardPage'), 'PipelineBoardPage'),
  },
  {
    path: '/pipeline/:pipelineId',
    label: 'Pipeline',
    allowed: can('deals:read'),
    component: page(() => import('../pipeline/PipelineBoardPage'), 'PipelineBoardPage'),
  },
  {
    path: '/search',
    label: 'Search',
    component: page(() => import('../search/SearchPage'), 'SearchPage'),
  },
];
