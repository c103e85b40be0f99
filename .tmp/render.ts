import { writeFileSync } from 'node:fs';
import { buildComplaintAnswer } from '../main/forms/complaint-answer';
import { SAMPLE_OFFICE } from '../scripts/form-samples';
(async () => {
  const buf = await buildComplaintAnswer({
    office: SAMPLE_OFFICE,
    complaint: {
      number: 'Ж-1/2026', receivedDate: '2026-01-12', registeredDate: '2026-01-12',
      applicant: { lastName: 'Семёнова', firstName: 'Алёна', middleName: 'Петровна', postalAddress: '628012, г. Ханты-Мансийск, ул. Мира, д. 1, кв. 5', email: 'semenova@example.ru' },
      subjectOfficial: 'Специалист-эксперт отдела социального обслуживания Иванова И. И.',
      subjectDecision: 'Нарушение срока предоставления государственной услуги по заявлению № 1/2025',
      subjects: ['service_term'], outcome: 'satisfied', ground: null,
      decidingBody: 'Департамент социального развития Ханты-Мансийского автономного округа - Югры',
      decidedByPosition: 'Заместитель директора Департамента', decidedByName: 'Петров Пётр Петрович',
      decisionNumber: '15-жал', decisionDate: '2026-01-16', decisionPlace: 'г. Ханты-Мансийск',
      reasons: 'Проверкой установлено, что результат предоставления государственной услуги не выдан заявителю в срок, установленный пунктом 17 Административного регламента.\nДоводы заявителя подтверждены.',
      measures: 'Выдать заявителю индивидуальную программу предоставления социальных услуг; провести с специалистом разъяснительную беседу.',
      remedyDue: '2026-01-23',
    },
    answerNumber: '01-12/345', answerDate: '2026-01-16',
  });
  writeFileSync('.tmp/out/answer.docx', buf);
})();
