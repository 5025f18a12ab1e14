// 附件1 as a SurveyJS model: the fields of peixun's editor (question names are the
// bundle's JSON names) and the same four checks as SurveyJS validators: age (周岁 at the
// exit date, else 2020-12-31), group size, duration, host count. As peixun does, every
// keystroke updates the model and re-runs the validators.
'use strict';
(function () {
  const TOPICS = ['“卡脖子技术”相关领域', '重大基础科学前沿专项', '战略高技术领域专项', '重大关键技术研发',
    '重大科技基础设施专项', '“一带一路”战略专项', '现代农业与生态环境治理专项', '战略性新兴产业专项',
    '软件和集成电路专项', '先进制造专项', '新材料专项', '中青年管理骨干专项'];
  const PRIORITY = [['innovation_fields', '8个重大创新领域和2类公共支撑平台'], ['three_majors', '“三重大”产出导向'],
    ['four_institutions', '参与四类机构分类改革'], ['national_major_tasks', '国家重大科技任务'],
    ['strategic_priority_program', '战略性先导科技专项'], ['cas_key_project', '“十三五”院重点项目']];

  // Age in full years on `at` (YYYY-MM-DD), as the rule-set's age reference counts it.
  function fullYears(params) {
    const [birth, at] = params;
    if (!birth) return 0;
    const b = String(birth).split('-').map(Number);
    const r = String(at || '2020-12-31').split('-').map(Number);
    return r[0] - b[0] - (r[1] < b[1] || (r[1] === b[1] && r[2] < b[2]) ? 1 : 0);
  }
  Survey.FunctionFactory.Instance.register('fullYears', fullYears);
  const maxAge = "iif({category} = 'youth', 40, iif({category} = 'keytech', 50, 55))";

  const text = (name, title, extra) => Object.assign({ type: 'text', name, title }, extra);
  const comment = (name, title) => ({ type: 'comment', name, title, rows: 6 });
  const json = {
    locale: 'zh-cn',
    title: '因公出国（境）培训项目计划申请表（附件1）',
    checkErrorsMode: 'onValueChanged',
    textUpdateMode: 'onTyping',
    pages: [
      { name: 'basic', title: '基本信息', elements: [
        text('title', '项目名称', { isRequired: true, description: '例如：量子材料表征技术研修' }),
        { type: 'radiogroup', name: 'category', title: '项目类别', isRequired: true, choices: [
          { value: 'lead', text: '领军人才研修项目' }, { value: 'youth', text: '优秀青年人才培养项目' },
          { value: 'keytech', text: '关键技术专项培训项目' }] },
        { type: 'checkbox', name: 'special_topics', title: '重点领域专项计划（如属于，请注明）', colCount: 2,
          choices: TOPICS.map((t, i) => ({ value: i + 1, text: `${i + 1}. ${t}` })) },
        { type: 'checkbox', name: 'priority', title: '优先条件（符合的请注明，通知二(二)）',
          choices: PRIORITY.map(([value, text]) => ({ value, text })) },
        { type: 'comment', name: 'priority_note', title: '优先条件说明', rows: 2 },
      ] },
      { name: 'schedule', title: '培训安排', elements: [
        text('country', '国家（地区）', { isRequired: true }),
        { type: 'paneldynamic', name: 'hosts', title: '培训机构', minPanelCount: 1, maxPanelCount: 3,
          panelAddText: '添加培训机构', templateElements: [
            text('name_zh', '机构中文名称'), text('name_en', '机构英文名称'), text('country', '所在国家（如与上不同）'),
            text('city', '城市'), text('website', '网址', { inputType: 'url' }), text('contact', '联系人')],
          validators: [{ type: 'expression', text: '培训 14 天可去 1–2 个机构，21 天及以上 1–3 个（通知二(三)）',
            expression: '{hosts.length} >= 1 and ({duration_days} empty or {duration_days} > 14 or {hosts.length} <= 2)' }] },
        text('duration_days', '培训天数', { inputType: 'number', isRequired: true, validators: [{ type: 'expression',
          text: '培训时长须为 14、21、30、60 天或 90 天以上（通知一(四)）',
          expression: '{duration_days} = 14 or {duration_days} = 21 or {duration_days} = 30 or {duration_days} = 60 or {duration_days} >= 90' }] }),
        text('exit_date', '出境日期', { inputType: 'date', isRequired: true }),
        text('return_date', '入境日期', { inputType: 'date' }),
      ] },
      { name: 'members', title: '团组成员', elements: [
        { type: 'paneldynamic', name: 'members', title: '团组成员', minPanelCount: 1, maxPanelCount: 6,
          panelAddText: '添加成员', validators: [{ type: 'expression',
            text: '该类别团组须有 2–6 名成员（领军人才 1–6 名，通知一(一)–(三)）',
            expression: "{members.length} <= 6 and ({category} = 'lead' or {members.length} >= 2)" }],
          templateElements: [
            text('name', '姓名', { isRequired: true }),
            { type: 'radiogroup', name: 'gender', title: '性别', choices: [{ value: 'male', text: '男' }, { value: 'female', text: '女' }] },
            text('birth_date', '出生日期', { inputType: 'date', isRequired: true, validators: [{ type: 'expression',
              text: '年龄超过本类别的上限（以出境日期计算周岁，通知一(一)–(三)）',
              expression: `fullYears({panel.birth_date}, {exit_date}) <= ${maxAge}` }] }),
            text('unit', '工作单位', { isRequired: true }),
            { type: 'boolean', name: 'registered_staff', title: '在册职工', renderAs: 'checkbox' },
            text('title', '职称'),
            { type: 'dropdown', name: 'title_level', title: '职称级别', isRequired: true, choices: [
              { value: 'senior_full', text: '正高级' }, { value: 'senior_associate', text: '副高级' },
              { value: 'intermediate', text: '中级' }, { value: 'junior', text: '初级' }, { value: 'none', text: '无' }] },
            text('position', '职务'), text('discipline', '专业/研究方向'), text('foreign_language', '外语语种及水平'),
            { type: 'boolean', name: 'is_leader', title: '团组带头人', renderAs: 'checkbox' },
            text('phone', '电话', { inputType: 'tel' }), text('email', '电子邮箱', { inputType: 'email' })] },
      ] },
      { name: 'content', title: '项目理由与内容', elements: [
        comment('rationale', '项目理由'), comment('content', '培训内容与日程安排'),
        comment('objectives', '预期目标与成果'), comment('sharing_plan', '回国后成果分享计划')] },
      { name: 'contact', title: '单位与联系人', elements: [
        text('lead_unit', '团组带头人所在单位'), text('contact_name', '联系人'),
        text('contact_phone', '联系电话', { inputType: 'tel' }), text('contact_email', '电子邮箱', { inputType: 'email' })] },
    ],
  };

  const survey = new Survey.Model(json);
  // peixun shows its form a section at a time too; the bench types on the first page.
  SurveyUI.renderSurvey(survey, document.getElementById('survey'));
  window.survey = survey;
  performance.mark('peixun-interactive');
  document.documentElement.setAttribute('data-ready', '1');
})();
