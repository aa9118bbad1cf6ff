/**
 * Cues of reported speech and of stance, in English, Ukrainian and Russian. Multi-word cues
 * are matched on lowercase words in order.
 */

const words = (...lists: string[]): ReadonlySet<string> =>
  new Set(lists.flatMap((list) => list.split(/\s+/).filter(Boolean)));

const phrases = (...list: string[]): ReadonlyArray<readonly string[]> =>
  list.map((phrase) => phrase.split(' '));

/** Verbs that report what someone said: "X said that ...", "..., заявив X". */
export const SPEECH_VERBS = words(
  'said says say stated states noted notes stressed stresses emphasized emphasised emphasizes',
  'emphasises added adds told tells announced announces declared declares claimed claims',
  'asserted asserts warned warns argued argues reported reports explained explains insisted',
  'insists believes underlined underscored remarked wrote writes tweeted mentioned acknowledged',
  'admitted confirmed confirms suggested replied responded commented observed recalled',
  'заявив заявила заявили заявляє заявляють зазначив зазначила зазначили зазначає наголосив',
  'наголосила наголосили наголошує підкреслив підкреслила підкреслили підкреслює повідомив',
  'повідомила повідомили повідомляє сказав сказала сказали каже додав додала додали вважає',
  'вважають розповів розповіла розповіли написав написала написали пояснив пояснила пояснили',
  'запевнив запевнила відповів відповіла нагадав нагадала визнав визнала',
  'заявил заявила заявили заявляет отметил отметила отметили отмечает подчеркнул подчеркнула',
  'подчеркнули сообщил сообщила сообщили сообщает сказал сказала сказали говорит добавил',
  'добавила добавили считает рассказал рассказала написал написала пояснил пояснила заверил',
  'ответил ответила напомнил напомнила признал признала',
);

/** "According to X, ...": the speaker follows the cue, the content follows the speaker. */
export const ACCORDING_TO = phrases(
  'according to',
  'за словами',
  'на думку',
  'по словам',
  'по мнению',
);

/** Pronoun forms of "according to him": "за його словами", "по его словам". */
export const ACCORDING_TO_PRONOUN = phrases(
  'according to him',
  'according to her',
  'according to them',
  'за його словами',
  'за її словами',
  'за їхніми словами',
  'по его словам',
  'по ее словам',
  'по её словам',
  'по их словам',
);

export const OPPOSE_VERBS = words(
  'rejected rejects rejecting refused refuses refusing opposed opposes opposing vetoed vetoes',
  'відхилив відхилила відхилили відхиляє відхиляють відкинув відкинула відкинули відкидає',
  'відмовився відмовилася відмовилась відмовилися відмовились відмовляється',
  'отверг отвергла отвергли отвергает отклонил отклонила отклонили отклоняет отказался',
  'отказалась отказались отказывается',
);

export const OPPOSE_PHRASES = phrases(
  'ruled out',
  'rules out',
  'spoke out against',
  'виступив проти',
  'виступила проти',
  'виступили проти',
  'виступає проти',
  'выступил против',
  'выступила против',
  'выступили против',
  'выступает против',
);

export const SUPPORT_VERBS = words(
  'supported supports backed backs welcomed welcomes endorsed endorses proposed proposes',
  'підтримав підтримала підтримали підтримує підтримують привітав привітала привітали схвалив',
  'схвалила схвалили погодився погодилася погодилась погодилися погодились запропонував',
  'запропонувала запропонували',
  'поддержал поддержала поддержали поддерживает приветствовал приветствовала приветствовали',
  'одобрил одобрила одобрили согласился согласилась согласились предложил предложила',
  'предложили',
);

export const SUPPORT_PHRASES = phrases('agreed to', 'agrees to', 'agreed on');

export const CONDITIONAL_PHRASES = phrases(
  'only if',
  'on condition',
  'on the condition',
  'provided that',
  'only after',
  'лише якщо',
  'тільки якщо',
  'лише за умови',
  'тільки за умови',
  'за умови',
  'лише після',
  'тільки після',
  'только если',
  'лишь если',
  'при условии',
  'только после',
  'лишь после',
);

/** "Ready to ... if": readiness bound to a condition in the same clause. */
export const READY_WORDS = words('ready willing prepared готовий готова готові готов готовы');
export const IF_WORDS = words('if якщо если');

/** Words that make a stance a claim about someone rather than their own position. */
export const HEDGES = words(
  'allegedly reportedly supposedly purportedly нібито начебто буцімто якобы будто мол',
);

export const NEGATIONS = words("not never n't no не ні ни");
