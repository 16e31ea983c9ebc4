import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import { can, canAny, type Allowed } from '../auth/permissions';

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
    path: '/profile',
    label: 'Your profile',
    allowed: (me) => me.kind !== 'API_KEY',
    component: page(() => import('../profile/ProfilePage'), 'ProfilePage'),
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
    path: '/leads',
    label: 'Leads',
    nav: true,
    allowed: can('leads:read'),
    component: page(() => import('../records/RecordListPage'), 'LeadListPage'),
  },
  {
    // React Router ranks this static path above '/leads/:id' wherever it stands; it is listed first for the reader.
    path: '/leads/unassigned',
    label: 'Unassigned leads',
    // Reached from the lead list and the task about the queue; "Leads" in the navigation stays one link.
    nav: false,
    allowed: can('leads:read'),
    component: page(() => import('../records/UnassignedLeadsPage'), 'UnassignedLeadsPage'),
  },
  {
    path: '/contacts',
    label: 'Contacts',
    nav: true,
    allowed: can('contacts:read'),
    component: page(() => import('../records/RecordListPage'), 'ContactListPage'),
  },
  {
    path: '/accounts',
    label: 'Accounts',
    nav: true,
    allowed: can('accounts:read'),
    component: page(() => import('../records/RecordListPage'), 'AccountListPage'),
  },
  {
    path: '/deals',
    label: 'Deals',
    nav: true,
    allowed: can('deals:read'),
    component: page(() => import('../records/RecordListPage'), 'DealListPage'),
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
  {
    path: '/leads/:id',
    label: 'Lead',
    allowed: can('leads:read'),
    component: page(() => import('../records/RecordPage'), 'LeadPage'),
  },
  {
    path: '/contacts/:id',
    label: 'Contact',
    allowed: can('contacts:read'),
    component: page(() => import('../records/RecordPage'), 'ContactPage'),
  },
  {
    path: '/accounts/:id',
    label: 'Account',
    allowed: can('accounts:read'),
    component: page(() => import('../records/RecordPage'), 'AccountPage'),
  },
  {
    path: '/deals/:id',
    label: 'Deal',
    allowed: can('deals:read'),
    component: page(() => import('../records/RecordPage'), 'DealPage'),
  },
  {
    path: '/approvals',
    label: 'Approvals',
    nav: true,
    allowed: can('deals:approve', 'tasks:work'),
    component: page(() => import('../approvals/ApprovalInboxPage'), 'ApprovalInboxPage'),
  },
  {
    path: '/finance',
    label: 'Finance',
    nav: true,
    allowed: can('invoices:read'),
    component: page(() => import('../payments/FinancePage'), 'FinancePage'),
  },
  {
    path: '/processes',
    label: 'Processes',
    nav: true,
    allowed: can('process:operate'),
    component: page(() => import('../processes/ProcessesPage'), 'ProcessesPage'),
  },
  {
    path: '/processes/:key',
    label: 'Process',
    allowed: can('process:operate'),
    component: page(() => import('../processes/ProcessPage'), 'ProcessPage'),
  },
  {
    path: '/processes/:key/instances/:id',
    label: 'Process instance',
    allowed: can('process:operate'),
    component: page(() => import('../processes/InstancePage'), 'InstancePage'),
  },
  {
    path: '/processes/:key/migrate',
    label: 'Migrate instances',
    allowed: can('process:operate'),
    component: page(() => import('../processes/MigrationPage'), 'MigrationPage'),
  },
  {
    path: '/processes/modeler',
    label: 'Modeler',
    nav: true,
    allowed: can('process:design'),
    component: page(() => import('../processes/ModelerHomePage'), 'ModelerHomePage'),
  },
  {
    path: '/processes/modeler/new/:kind',
    label: 'New model',
    allowed: can('process:design'),
    component: page(() => import('../processes/ModelerPage'), 'NewModelPage'),
  },
  {
    path: '/processes/modeler/decision/:key',
    label: 'Decision',
    allowed: can('process:design'),
    component: page(() => import('../processes/ModelerPage'), 'DecisionModelerPage'),
  },
  {
    path: '/processes/modeler/form/:key',
    label: 'Form',
    allowed: can('process:design'),
    component: page(() => import('../processes/ModelerPage'), 'FormModelerPage'),
  },
  {
    path: '/processes/modeler/:key',
    label: 'Process model',
    allowed: can('process:design'),
    component: page(() => import('../processes/ModelerPage'), 'ProcessModelerPage'),
  },
  {
    path: '/admin',
    label: 'Admin',
    nav: true,
    allowed: canAny('users:read', 'apikeys:manage', 'audit:read', 'tenant:manage', 'rules:manage'),
    component: page(() => import('../admin/AdminHomePage'), 'AdminHomePage'),
  },
  {
    path: '/admin/users',
    label: 'Users',
    allowed: can('users:read'),
    component: page(() => import('../admin/UsersPage'), 'UsersPage'),
  },
  {
    path: '/admin/roles',
    label: 'Roles and permissions',
    allowed: can('users:read'),
    component: page(() => import('../admin/RolesPage'), 'RolesPage'),
  },
  {
    path: '/admin/teams',
    label: 'Teams',
    allowed: can('users:read'),
    component: page(() => import('../admin/TeamsPage'), 'TeamsPage'),
  },
  {
    path: '/admin/absences',
    label: 'Absences',
    allowed: can('users:manage'),
    component: page(() => import('../admin/AbsencesPage'), 'AbsencesPage'),
  },
  {
    path: '/admin/api-keys',
    label: 'API keys',
    allowed: can('apikeys:manage'),
    component: page(() => import('../admin/ApiKeysPage'), 'ApiKeysPage'),
  },
  {
    path: '/admin/webhooks',
    label: 'Webhooks',
    allowed: can('tenant:manage'),
    component: page(() => import('../admin/WebhooksPage'), 'WebhooksPage'),
  },
  {
    path: '/admin/audit',
    label: 'Audit log and security events',
    allowed: can('audit:read'),
    component: page(() => import('../admin/AuditPage'), 'AuditPage'),
  },
  {
    path: '/admin/pipelines',
    label: 'Pipelines',
    allowed: can('tenant:manage', 'deals:read'),
    component: page(() => import('../admin/PipelinesPage'), 'PipelinesPage'),
  },
  {
    path: '/admin/duplicates',
    label: 'Duplicate detection',
    allowed: can('tenant:manage'),
    component: page(() => import('../admin/DuplicateSettingsPage'), 'DuplicateSettingsPage'),
  },
  {
    path: '/admin/mailboxes',
    label: 'Mailboxes',
    allowed: can('tenant:manage'),
    component: page(() => import('../admin/MailboxesPage'), 'MailboxesPage'),
  },
  {
    path: '/admin/twilio',
    label: 'Text messages (Twilio)',
    allowed: can('tenant:manage'),
    component: page(() => import('../textmessages/TwilioSettingsPage'), 'TwilioSettingsPage'),
  },
  {
    path: '/admin/inbound-webhooks',
    label: 'Inbound webhooks',
    allowed: can('tenant:manage'),
    component: page(() => import('../admin/InboundWebhooksPage'), 'InboundWebhooksPage'),
  },
  {
    path: '/admin/custom-fields',
    label: 'Custom fields',
    allowed: can('tenant:manage'),
    component: page(() => import('../admin/CustomFieldsPage'), 'CustomFieldsPage'),
  },
  {
    path: '/admin/email',
    label: 'Email sender',
    allowed: can('tenant:manage'),
    component: page(() => import('../email/EmailSettingsPage'), 'EmailSettingsPage'),
  },
  {
    path: '/admin/email-templates',
    label: 'Email templates',
    allowed: canAny('tenant:manage', 'campaigns:manage'),
    component: page(() => import('../email/EmailTemplatesPage'), 'EmailTemplatesPage'),
  },
  {
    path: '/admin/contract-templates',
    label: 'Contract templates',
    allowed: can('tenant:manage'),
    component: page(() => import('../contracts/ContractTemplatesPage'), 'ContractTemplatesPage'),
  },
  {
    path: '/admin/email-suppressions',
    label: 'Suppressed addresses',
    allowed: can('tenant:manage'),
    component: page(() => import('../email/SuppressionsPage'), 'SuppressionsPage'),
  },
  {
    path: '/sequences',
    label: 'Sequences',
    nav: true,
    allowed: canAny('messages:write', 'tenant:manage', 'campaigns:manage'),
    component: page(() => import('../sequences/SequencesPage'), 'SequencesPage'),
  },
  {
    path: '/sequences/:id',
    label: 'Sequence',
    allowed: canAny('messages:write', 'tenant:manage', 'campaigns:manage'),
    component: page(() => import('../sequences/SequencePage'), 'SequencePage'),
  },
  {
    path: '/admin/scoring-rules',
    label: 'Scoring rules',
    allowed: can('rules:manage'),
    component: page(() => import('../rules/ScoringRulesPage'), 'ScoringRulesPage'),
  },
  {
    path: '/admin/routing-rules',
    label: 'Routing rules',
    allowed: can('rules:manage'),
    component: page(() => import('../rules/RoutingRulesPage'), 'RoutingRulesPage'),
  },
];
