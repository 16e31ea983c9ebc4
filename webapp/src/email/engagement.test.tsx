import { MantineProvider } from '@mantine/core';
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { theme } from '../app/theme';
import { EmailEngagement, EmailFiles } from './RecordEmails';

describe('email engagement', () => {
  it('says how often a sent email was opened and clicked', () => {
    render(
      <MantineProvider theme={theme}>
        <EmailEngagement
          tracking={{ opens: 2, lastOpenedAt: '2026-12-06T10:02:00Z', clicks: 1, lastClickedAt: '2026-12-06T10:03:00Z' }}
        />
      </MantineProvider>,
    );
    expect(screen.getByText(/^Opened 2× \(last .+\) · Clicked 1× \(last .+\)$/)).toBeTruthy();
  });

  it('says nothing about an email nobody opened yet', () => {
    render(
      <MantineProvider theme={theme}>
        <EmailEngagement tracking={{ opens: 0, clicks: 0 }} />
      </MantineProvider>,
    );
    expect(screen.queryByText(/Opened|Clicked/)).toBeNull();
  });

  it('lists the files sent with an email by name and size', () => {
    render(
      <MantineProvider theme={theme}>
        <EmailFiles
          files={[
            { filename: 'Invoice 1001.pdf', contentType: 'application/pdf', size: 12_800 },
            { filename: 'Terms.pdf', contentType: 'application/pdf', size: 900 },
          ]}
        />
      </MantineProvider>,
    );
    expect(screen.getByText('Attached: Invoice 1001.pdf (13 KB), Terms.pdf (900 B)')).toBeTruthy();
  });
});
