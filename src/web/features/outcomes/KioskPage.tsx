import { Box, Button, Center, Container, Loader, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type ReactNode, type SyntheticEvent } from 'react';
import { useNavigate, useParams } from 'react-router';
import { isInstrumentId } from '../../../domain/instruments/index.js';
import { ApiError } from '../../app/api.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { KioskQuestionnaire } from './KioskQuestionnaire.js';
import { useKiosk, useSubmitKiosk, type Kiosk } from './outcomes-api.js';

/** The kiosk code is gone: expired, finished, closed by staff, or never issued. */
function isClosed(error: unknown): boolean {
  return error instanceof ApiError && (error.status === 404 || error.status === 400 || error.status === 410);
}

/**
 * /kiosk/:code: the patient answers their due measures on a tablet staff hand them. Public (the
 * one-time code is the key), full screen, no staff navigation; never shows a score.
 */
export function KioskPage() {
  useDocumentTitle('Check-in questions · Trellis');
  const { code = '' } = useParams();
  const kiosk = useKiosk(code);
  const queryClient = useQueryClient();

  // Staff hand over their own tablet: drop every staff-side record cached in this tab.
  useEffect(() => {
    queryClient.removeQueries({ predicate: (q) => !['me', 'kiosk'].includes(String(q.queryKey[0])) });
  }, [queryClient]);

  let content: ReactNode;
  if (!code) {
    content = <KioskCodeEntry />;
  } else if (kiosk.isLoading) {
    content = (
      <Center py="xl">
        <Loader aria-label="Loading" size="lg" />
      </Center>
    );
  } else if (kiosk.error) {
    content = isClosed(kiosk.error) ? (
      <Closed />
    ) : (
      <Stack gap="md">
        <ErrorAlert error={kiosk.error} />
        <Button size="xl" onClick={() => void kiosk.refetch()} style={{ alignSelf: 'flex-start' }}>
          Try again
        </Button>
      </Stack>
    );
  } else if (kiosk.data) {
    content = <KioskFlow code={code} kiosk={kiosk.data} />;
  }

  return (
    <Box component="main" mih="100dvh" bg="gray.0" py="xl">
      <Container size={760} px="md">
        <KioskCard>{content}</KioskCard>
      </Container>
    </Box>
  );
}

const KIOSK_CODE = /^[A-Z2-9]{10}$/;

/** /kiosk on a clinic tablet: the patient (or staff) types the code the front desk gave them. */
function KioskCodeEntry() {
  const navigate = useNavigate();
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | null>(null);
  const start = (event: SyntheticEvent) => {
    event.preventDefault();
    const code = value.replace(/[\s-]/g, '').toUpperCase();
    if (!KIOSK_CODE.test(code)) {
      setError('The code has 10 letters and numbers. Please check it with the front desk.');
      return;
    }
    void navigate(`/kiosk/${code}`, { replace: true });
  };
  return (
    <form onSubmit={start} noValidate aria-label="Start check-in questions">
      <Stack gap="lg">
        <Title order={1} size="h2">
          Check-in questions
        </Title>
        <TextInput
          size="xl"
          label="Code from the front desk"
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          value={value}
          error={error}
          onChange={(e) => {
            setValue(e.currentTarget.value);
            setError(null);
          }}
        />
        <Button type="submit" size="xl" style={{ alignSelf: 'flex-start' }}>
          Start
        </Button>
      </Stack>
    </form>
  );
}

function KioskCard({ children }: { children: ReactNode }) {
  return (
    <Box
      bg="white"
      p={{ base: 'md', sm: 'xl' }}
      style={{ borderRadius: 'var(--mantine-radius-lg)', border: '1px solid var(--mantine-color-gray-4)' }}
    >
      {children}
    </Box>
  );
}

function KioskFlow({ code, kiosk }: { code: string; kiosk: Kiosk }) {
  const submit = useSubmitKiosk(code);
  const [tellStaff, setTellStaff] = useState(false);
  const [tellStaffSeen, setTellStaffSeen] = useState(false);
  const remaining = kiosk.remaining.filter(isInstrumentId);
  const total = kiosk.completed.length + kiosk.remaining.length;
  const current = remaining[0];

  if (isClosed(submit.error)) return <Closed />;

  let body: ReactNode;
  if (tellStaff && !tellStaffSeen) {
    body = <TellStaff more={!!current} onContinue={() => setTellStaffSeen(true)} />;
  } else if (!current) {
    body = <ThankYou tellStaff={tellStaff} />;
  } else {
    body = (
      <Stack gap="lg">
        {tellStaff && <TellStaffReminder />}
        <KioskQuestionnaire
          key={current}
          instrumentId={current}
          part={`Part ${kiosk.completed.length + 1} of ${total}`}
          saving={submit.isPending}
          error={submit.error}
          onSubmit={(submission) =>
            submit.mutate(submission, {
              onSuccess: (result) => {
                if (result.tellStaff) {
                  setTellStaff(true);
                  setTellStaffSeen(false);
                }
              },
            })
          }
        />
      </Stack>
    );
  }

  return (
    <Stack gap="xl">
      <Stack gap={4}>
        <Text size="lg">{kiosk.organizationName}</Text>
        <Title order={1} size="h1">
          Hi {kiosk.greeting}
        </Title>
        {current && !tellStaff && kiosk.completed.length === 0 && (
          <Text size="lg">
            Your care team would like to know how you have been. There are no right or wrong answers. Choose
            the answer that fits best, then press Next.
          </Text>
        )}
      </Stack>
      {body}
    </Stack>
  );
}

const TELL_STAFF = "Please let a staff member know now that you'd like to talk with someone.";
// The wording of the public self-check's crisis help (self-check/CrisisHelp.tsx).
const IN_DANGER = 'If you are in danger, call or text 988, or call 911.';
const LIFELINE =
  '988 Suicide & Crisis Lifeline: call or text 988. It is free, private, and open 24 hours a day, every day.';

/** Shown once, first, after an answer about suicide risk: calm, and focused so it is read at once. */
function TellStaff({ more, onContinue }: { more: boolean; onContinue: () => void }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <Box
      ref={ref}
      role="alert"
      tabIndex={-1}
      p="lg"
      style={{ border: '3px solid var(--mantine-color-indigo-8)', borderRadius: 'var(--mantine-radius-md)' }}
    >
      <Stack gap="md">
        <Title order={2} size="h2">
          Thank you for telling us
        </Title>
        <Text size="xl" fw={700}>
          {TELL_STAFF}
        </Text>
        <Text size="lg">{IN_DANGER}</Text>
        <Text size="lg">{LIFELINE}</Text>
        <Button size="xl" variant="default" onClick={onContinue} style={{ alignSelf: 'flex-start' }}>
          {more ? 'Continue with the questions' : 'Continue'}
        </Button>
      </Stack>
    </Box>
  );
}

function TellStaffReminder() {
  return (
    <Box
      p="md"
      style={{ border: '2px solid var(--mantine-color-indigo-8)', borderRadius: 'var(--mantine-radius-md)' }}
    >
      <Text size="lg" fw={700}>
        {TELL_STAFF}
      </Text>
      <Text size="lg">{IN_DANGER}</Text>
    </Box>
  );
}

function ThankYou({ tellStaff }: { tellStaff: boolean }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <Stack gap="lg">
      <Title order={2} size="h2" ref={ref} tabIndex={-1} style={{ outline: 'none' }}>
        Thank you — please hand the tablet back
      </Title>
      <Text size="lg">Your answers have been sent to your care team.</Text>
      {tellStaff && <TellStaffReminder />}
    </Stack>
  );
}

function Closed() {
  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        These questions are no longer open
      </Title>
      <Text size="lg">
        The link may have expired, or the questions were already finished. Please hand the tablet back to a
        staff member.
      </Text>
    </Stack>
  );
}
