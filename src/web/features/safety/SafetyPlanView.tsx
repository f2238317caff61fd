import { Anchor, Badge, List, Paper, Stack, Text, Title } from '@mantine/core';
import {
  SAFETY_PLAN_SECTIONS,
  normalizeSafetyPlan,
  type SafetyContact,
  type SafetyPlanContent,
} from '../../../domain/safety/safety-plan.js';
import { isContactSection } from './safety-plan-form.js';

/** `tel:` link target: digits and a leading + only. */
const telHref = (phone: string) => `tel:${phone.replace(/[^\d+]/g, '')}`;

function Contact({ contact, fixed }: { contact: SafetyContact; fixed: boolean }) {
  return (
    <>
      <Text span fw={600}>
        {contact.name}
      </Text>
      {contact.phone && (
        <>
          {' · '}
          <Anchor href={telHref(contact.phone)}>{contact.phone}</Anchor>
        </>
      )}
      {fixed && (
        <Badge ml="xs" variant="filled" color="blue.9">
          Always on the plan
        </Badge>
      )}
      {contact.note && (
        <Text size="sm" mt={2}>
          {contact.note}
        </Text>
      )}
    </>
  );
}

/**
 * A plan read-only, its seven sections in order, numbered as the patient fills them in. The 988
 * Lifeline is always listed under the care team, whatever was stored.
 */
export function SafetyPlanView({
  content,
  headingLevel = 2,
}: {
  content: SafetyPlanContent;
  headingLevel?: 2 | 3;
}) {
  const plan = normalizeSafetyPlan(content);
  return (
    <Stack gap="md">
      {SAFETY_PLAN_SECTIONS.map((section, n) => {
        const entries = plan[section.key];
        return (
          <Paper key={section.key} withBorder p="md" radius="md">
            <Stack gap="xs">
              <Title order={headingLevel} size="h4">
                {n + 1}. {section.title}
              </Title>
              {entries.length === 0 ? (
                <Text c="dimmed">Nothing written yet.</Text>
              ) : (
                <List spacing="xs" size="md">
                  {isContactSection(section.key)
                    ? (entries as SafetyContact[]).map((contact, i) => (
                        <List.Item key={`${contact.name}-${i}`}>
                          <Contact contact={contact} fixed={section.key === 'professionals' && i === 0} />
                        </List.Item>
                      ))
                    : (entries as string[]).map((entry, i) => (
                        <List.Item key={`${entry}-${i}`}>{entry}</List.Item>
                      ))}
                </List>
              )}
            </Stack>
          </Paper>
        );
      })}
    </Stack>
  );
}
