import { describe, expect, it } from 'vitest';
import { assessSelfCheck, needsCrisisHelp, questionId, unansweredQuestions } from './assess.js';
import { emptyAnswers, type SelfCheckAnswers } from './questions.js';

/** A complete answer set: every PHQ-9 item `phq`, every GAD-7 item `gad`, item 9 `item9`. */
function answers(overrides: Partial<SelfCheckAnswers> & { phq?: number; gad?: number; item9?: number } = {}) {
  const { phq = 0, gad = 0, item9 = 0, ...rest } = overrides;
  const phq9 = Array.from({ length: 9 }, (_, i) => (i === 8 ? item9 : phq));
  const gad7 = Array.from({ length: 7 }, () => gad);
  return {
    safetyNow: false,
    phq9,
    gad7,
    functioning: 'none',
    support: 'strong',
    triedTherapy: false,
    ...rest,
  } satisfies SelfCheckAnswers;
}

describe('self-check assessment', () => {
  it('asks about outpatient care when symptoms are minimal', () => {
    const result = assessSelfCheck(answers());
    expect(result.recommendation.level).toBe('outpatient');
    expect(result.assessment.suicideRisk).toBe('none');
  });

  it('asks about IOP for moderately severe symptoms with a lot of impairment and adequate support', () => {
    // 8 items at 2 = 16 (moderately severe); GAD-7 at 1 = 7 (mild).
    const result = assessSelfCheck(answers({ phq: 2, gad: 1, functioning: 'moderate', support: 'adequate' }));
    expect(result.phq9.severity).toBe('moderately_severe');
    expect(result.assessment.symptomSeverity).toBe('severe');
    expect(result.recommendation.level).toBe('iop');
    expect(result.recommendation.crisis).toBe(false);
  });

  it('takes the worse of PHQ-9 and GAD-7', () => {
    expect(assessSelfCheck(answers({ phq: 0, gad: 3 })).assessment.symptomSeverity).toBe('severe');
  });

  it('asks about IOP for moderate symptoms after weekly therapy was tried', () => {
    // 8 items at 1 = 8 (mild) with GAD-7 at 2 = 14 (moderate).
    const tried = assessSelfCheck(answers({ phq: 1, gad: 2, triedTherapy: true }));
    expect(tried.recommendation.level).toBe('iop');
    expect(assessSelfCheck(answers({ phq: 1, gad: 2 })).recommendation.level).toBe('outpatient');
  });

  it('treats a yes to the safety question as high risk: crisis help and inpatient care', () => {
    const a = answers({ safetyNow: true });
    expect(needsCrisisHelp(a)).toBe(true);
    const result = assessSelfCheck(a);
    expect(result.assessment.suicideRisk).toBe('high');
    expect(result.recommendation.level).toBe('inpatient');
  });

  it('shows crisis help for PHQ-9 item 9 above zero, even with no to the safety question', () => {
    const a = answers({ item9: 1 });
    expect(needsCrisisHelp(a)).toBe(true);
    const result = assessSelfCheck(a);
    expect(result.assessment.suicideRisk).toBe('moderate');
    expect(result.recommendation.level).toBe('iop');
  });

  it('shows crisis help as soon as the safety question is answered yes, before anything else', () => {
    expect(needsCrisisHelp({ ...emptyAnswers(), safetyNow: true })).toBe(true);
    expect(needsCrisisHelp({ ...emptyAnswers(), safetyNow: false })).toBe(false);
  });

  it('lists unanswered questions in page order and will not assess an incomplete set', () => {
    const missing = unansweredQuestions(emptyAnswers());
    expect(missing).toHaveLength(1 + 9 + 7 + 3);
    expect(missing[0]).toBe(questionId.safety);
    expect(missing.at(-1)).toBe(questionId.triedTherapy);
    expect(unansweredQuestions(answers())).toEqual([]);
    expect(() => assessSelfCheck(emptyAnswers())).toThrow();
    expect(() =>
      assessSelfCheck({ ...answers(), phq9: [...answers().phq9.slice(0, 8), undefined] }),
    ).toThrow();
  });
});
