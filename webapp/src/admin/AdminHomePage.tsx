import { Anchor, Card, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { PAGES } from '../app/pages';
import { useMe } from '../auth/SessionProvider';
import { EmptyState } from '../common/states';

const DESCRIPTIONS: Record<string, string> = {
  '/admin/users': 'Invite people, change their roles, deactivate accounts.',
  '/admin/roles': 'Roles and the permissions, with scopes, they grant.',
  '/admin/teams': 'Teams, their members and manager.',
  '/admin/absences': 'Out-of-office periods: lead routing skips people while they are away.',
  '/admin/api-keys': 'Keys for integrations: create with scopes, revoke.',
  '/admin/webhooks': 'Send events to other systems: signed webhooks, their secrets and delivery log.',
  '/admin/audit': 'Who changed what, and sign-in and other security events.',
  '/admin/pipelines': 'Deal pipelines, their stages and which stages need approval.',
  '/admin/mailboxes': 'IMAP mailboxes Salesflow reads: replies to sent email and lead capture addresses.',
  '/admin/inbound-webhooks': 'Addresses other systems send events to: each creates leads or advances processes.',
  '/admin/custom-fields': 'Extra fields on leads, contacts, accounts and deals.',
  '/admin/duplicates': 'How possible duplicates are found when records are created.',
  '/admin/scoring-rules': 'How leads are scored: rule versions, drafts, and trying them on a lead.',
  '/admin/email': 'The SMTP server and sender your emails leave from, and a test email.',
  '/admin/email-templates': 'Email templates with variables; each edit is a new version.',
  '/admin/contract-templates': 'Contract templates laid out as PDF with the deal and its line items, sent for signature.',
  '/admin/email-suppressions': 'Addresses no email goes to: unsubscribed, bounced or blocked.',
  '/admin/routing-rules': 'Which team and rep new leads go to: rule versions, drafts, and trying them on a lead.',
};

/** The admin pages the signed-in user may open. */
export function AdminHomePage() {
  const me = useMe();
  const pages = PAGES.filter(
    (page) => page.path.startsWith('/admin/') && !page.path.includes(':') && (!page.allowed || page.allowed(me)),
  );
  return (
    <Stack gap="lg">
      <Title order={1} size="h2">
        Admin
      </Title>
      {pages.length === 0 ? (
        <EmptyState title="Nothing to administer">Your roles do not include any admin permission.</EmptyState>
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {pages.map((page) => (
            <Card component="li" withBorder key={page.path} padding="md">
              <Anchor component={Link} to={page.path} fw={600}>
                {page.label}
              </Anchor>
              {DESCRIPTIONS[page.path] && (
                <Text size="sm" c="dimmed" mt={4}>
                  {DESCRIPTIONS[page.path]}
                </Text>
              )}
            </Card>
          ))}
        </SimpleGrid>
      )}
    </Stack>
  );
}
