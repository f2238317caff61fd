import { Anchor, Text } from '@mantine/core';
import { Link } from 'react-router';
import { Page } from '../components/Page.js';

export function NotFoundPage() {
  return (
    <Page title="Page not found">
      <Text>There is no page at this address, or it is not open to your role.</Text>
      <Anchor component={Link} to="/">
        Go to Today
      </Anchor>
    </Page>
  );
}
