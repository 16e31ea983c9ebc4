-- The permission catalogue and the matrix every new tenant's system roles start from.
-- "scoped" permissions apply to records and carry a scope: OWN, TEAM or ALL.

INSERT INTO permissions (code, description, scoped) VALUES
    ('platform:admin',    'Operate the platform across tenants', false),
    ('tenant:manage',     'Change the organisation''s settings', false),
    ('users:read',        'See users, roles and teams', false),
    ('users:manage',      'Create, change and deactivate users', false),
    ('roles:manage',      'Create and change roles and their permissions', false),
    ('teams:manage',      'Create and change teams', false),
    ('apikeys:manage',    'Create and revoke API keys', false),
    ('audit:read',        'Read the audit log and security events', false),
    ('process:design',    'Model and deploy processes and decision tables', false),
    ('process:operate',   'Operate running processes (Cockpit, engine REST API)', false),
    ('tasks:work',        'Work on assigned process tasks', true),
    ('leads:read',        'Read leads', true),
    ('leads:write',       'Create and change leads', true),
    ('contacts:read',     'Read contacts', true),
    ('contacts:write',    'Create and change contacts', true),
    ('accounts:read',     'Read accounts', true),
    ('accounts:write',    'Create and change accounts', true),
    ('deals:read',        'Read deals', true),
    ('deals:write',       'Create and change deals', true),
    ('deals:approve',     'Approve deals', true),
    ('activities:read',   'Read activities and notes', true),
    ('activities:write',  'Create and change activities and notes', true),
    ('messages:write',    'Send email, SMS and WhatsApp messages', true),
    ('campaigns:manage',  'Manage nurture sequences and campaigns', false),
    ('invoices:read',     'Read invoices and payment milestones', true),
    ('invoices:write',    'Create and change invoices and payment milestones', true),
    ('reports:read',      'Read reports and dashboards', true),
    ('rules:manage',      'Change scoring and routing rules', false);

INSERT INTO system_roles (code, name, description) VALUES
    ('super_admin',   'Super admin',          'Runs the platform; every permission'),
    ('org_admin',     'Organisation admin',   'Administers the organisation: users, roles, keys, settings, all records'),
    ('manager',       'Sales manager',        'Leads teams: reads and changes their records, approves deals'),
    ('sales_rep',     'Sales rep',            'Works own records, reads the team''s'),
    ('marketing',     'Marketing',            'Runs lead generation, nurture and campaigns'),
    ('support_agent', 'Support agent',        'Answers customers: reads contacts and accounts, logs activities'),
    ('finance',       'Finance',              'Invoices, payments and closed deals'),
    ('auditor',       'Read-only auditor',    'Reads everything, changes nothing');

INSERT INTO system_role_permissions (role_code, permission_code, scope)
SELECT 'super_admin', code, 'ALL' FROM permissions;

INSERT INTO system_role_permissions (role_code, permission_code, scope)
SELECT 'org_admin', code, 'ALL' FROM permissions WHERE code <> 'platform:admin';

INSERT INTO system_role_permissions (role_code, permission_code, scope) VALUES
    ('manager', 'users:read', 'ALL'),
    ('manager', 'tasks:work', 'TEAM'),
    ('manager', 'leads:read', 'TEAM'), ('manager', 'leads:write', 'TEAM'),
    ('manager', 'contacts:read', 'TEAM'), ('manager', 'contacts:write', 'TEAM'),
    ('manager', 'accounts:read', 'TEAM'), ('manager', 'accounts:write', 'TEAM'),
    ('manager', 'deals:read', 'TEAM'), ('manager', 'deals:write', 'TEAM'), ('manager', 'deals:approve', 'TEAM'),
    ('manager', 'activities:read', 'TEAM'), ('manager', 'activities:write', 'TEAM'),
    ('manager', 'messages:write', 'TEAM'),
    ('manager', 'reports:read', 'TEAM'),

    ('sales_rep', 'tasks:work', 'OWN'),
    ('sales_rep', 'leads:read', 'TEAM'), ('sales_rep', 'leads:write', 'OWN'),
    ('sales_rep', 'contacts:read', 'TEAM'), ('sales_rep', 'contacts:write', 'OWN'),
    ('sales_rep', 'accounts:read', 'TEAM'), ('sales_rep', 'accounts:write', 'OWN'),
    ('sales_rep', 'deals:read', 'TEAM'), ('sales_rep', 'deals:write', 'OWN'),
    ('sales_rep', 'activities:read', 'TEAM'), ('sales_rep', 'activities:write', 'OWN'),
    ('sales_rep', 'messages:write', 'OWN'),
    ('sales_rep', 'reports:read', 'OWN'),

    ('marketing', 'tasks:work', 'OWN'),
    ('marketing', 'leads:read', 'ALL'), ('marketing', 'leads:write', 'ALL'),
    ('marketing', 'contacts:read', 'ALL'), ('marketing', 'accounts:read', 'ALL'),
    ('marketing', 'activities:read', 'ALL'), ('marketing', 'activities:write', 'OWN'),
    ('marketing', 'messages:write', 'ALL'),
    ('marketing', 'campaigns:manage', 'ALL'),
    ('marketing', 'reports:read', 'ALL'),
    ('marketing', 'rules:manage', 'ALL'),

    ('support_agent', 'tasks:work', 'OWN'),
    ('support_agent', 'contacts:read', 'ALL'), ('support_agent', 'accounts:read', 'ALL'),
    ('support_agent', 'activities:read', 'ALL'), ('support_agent', 'activities:write', 'OWN'),
    ('support_agent', 'messages:write', 'OWN'),

    ('finance', 'tasks:work', 'OWN'),
    ('finance', 'accounts:read', 'ALL'), ('finance', 'contacts:read', 'ALL'),
    ('finance', 'deals:read', 'ALL'),
    ('finance', 'invoices:read', 'ALL'), ('finance', 'invoices:write', 'ALL'),
    ('finance', 'reports:read', 'ALL'),

    ('auditor', 'users:read', 'ALL'), ('auditor', 'audit:read', 'ALL');

INSERT INTO system_role_permissions (role_code, permission_code, scope)
SELECT 'auditor', code, 'ALL' FROM permissions WHERE code LIKE '%:read' AND code NOT IN ('users:read', 'audit:read');
