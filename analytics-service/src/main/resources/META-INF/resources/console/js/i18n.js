// The console's words in Chinese (the default) and English. Domain words as in the seeds: 投诉, 派单, 回单, 预警,
// 超时, 回访, 二次派单, 结案.

const LANG_KEY = 'complaints.console.lang';

const WORDS = {
  zh: {
    title: '投诉处理工作台', skip: '跳到正文', language: '语言', signOut: '退出',
    'nav.dashboard': '总览', 'nav.queue': '工单队列', 'nav.surveys': '回访', 'nav.cases': '投诉案件', 'nav.kpis': '考核指标',
    'role.agent': '部门处理员', 'role.surveyor': '回访员', 'role.operator': '运营值班员', 'role.auditor': '审计员',
    'role.admin': '系统管理员', 'role.submitter': '受理系统',
    loading: '加载中…', refresh: '刷新', updated: '更新于', none: '无', yes: '是', no: '否', back: '返回',
    prev: '上一页', next: '下一页', pageInfo: '第 {0}/{1} 页，共 {2} 条', all: '全部', save: '提交',
    'error.unauthorized': '令牌无效或已过期，请重新登录。', 'error.forbidden': '您的角色无权查看此内容。',
    'error.notFound': '未找到。', 'error.unavailable': '服务暂时不可用，请稍后重试。', 'error.network': '无法连接 {0}。',
    // sign-in
    'signin.title': '登录', 'signin.token': '令牌 / Token',
    'signin.tokenHint': '用 deploy/run.sh token --role operator --subject 您的账号 --name 您的姓名 生成令牌后粘贴到此处。令牌只保存在本浏览器标签页的会话存储中。',
    'signin.submit': '登录', 'signin.sso': '单点登录', 'signin.bad': '这不是有效的令牌（JWT）。',
    'signin.rejected': '服务不接受此令牌：{0}', 'signin.noRole': '令牌中没有本系统的角色（groups）。',
    'signin.expired': '令牌已过期。', 'signin.ssoFailed': '单点登录失败：{0}',
    // statuses
    'status.REGISTERED': '已受理', 'status.TRIAGE': '待分拣', 'status.DISPATCHED': '已派单', 'status.RETURNED': '已回单',
    'status.SATISFIED': '回访满意', 'status.DISSATISFIED': '回访不满意', 'status.CLOSED': '已结案',
    'status.RESOLVED_AT_FIRST_CONTACT': '即时处理', 'wo.OPEN': '处理中', 'wo.RETURNED': '已回单', 'wo.SUPERSEDED': '已二次派单',
    'survey.PENDING': '待回访', 'survey.ANSWERED': '已回访', 'survey.CLOSED': '已结案',
    // dashboard
    'dash.title': '运营总览', 'dash.open': '未结案投诉（按阶段）', 'dash.openTotal': '未结案合计', 'dash.now': '当前时限',
    'dash.warningNow': '已预警未超时', 'dash.breachedNow': '已超时', 'dash.today': '今日每小时受理量',
    'dash.registeredToday': '今日受理', 'dash.closedToday': '今日结案', 'dash.rates': '回单及时率与满意率',
    'dash.last7': '近 7 天', 'dash.last30': '近 30 天', 'dash.targets': '考核目标', 'dash.hotspots': '当前热点',
    'dash.noHotspots': '当前没有热点。', 'dash.new': '新出现', 'dash.target': '目标', 'dash.actual': '实际', 'dash.missed': '未达标',
    'dash.met': '达标', 'dash.noData': '无数据', 'dash.figures': '关键指标',
    // figures
    'fig.volume': '投诉量', 'fig.closed': '结案量', 'fig.onTimeReturnRate': '回单及时率', 'fig.satisfactionRate': '满意率',
    'fig.replyRate': '答复率', 'fig.contactTimeliness': '24 小时联系及时率', 'fig.answerTimeliness': '48 小时答复及时率',
    'fig.progressCompliance': '进度告知合规率', 'fig.warnings': '预警', 'fig.breaches': '超时',
    'fig.redispatchRate': '二次派单率', 'fig.misroutingRate': '错派率', 'fig.recurrenceRate': '重复投诉率',
    'fig.firstContactResolutionRate': '即时处理率', 'fig.meanHandlingSeconds': '平均处理时长',
    'fig.p90HandlingSeconds': '90% 处理时长', 'fig.complaintsPer10k': '万户投诉率', 'fig.urged': '催单', 'fig.escalated': '升级',
    'fig.transferred': '转派',
    // queue
    'queue.title': '工单队列', 'queue.department': '部门', 'queue.category': '投诉类别', 'queue.region': '地区',
    'queue.status': '状态', 'queue.flags': '标记', 'queue.complaint': '投诉', 'queue.dispatched': '派单时间',
    'queue.toWarning': '距预警', 'queue.toDeadline': '距回单时限', 'queue.warned': '已预警', 'queue.breached': '已超时',
    'queue.urged': '已催单', 'queue.escalated': '已升级 {0} 级', 'queue.empty': '队列中没有工单。', 'queue.open': '打开',
    'queue.attempt': '第 {0} 次派单', 'queue.warnedOnly': '仅已预警', 'queue.breachedOnly': '仅已超时',
    // work order
    'wo.title': '工单 {0}', 'wo.complaint': '投诉内容', 'wo.reconstruction': '投诉情况还原', 'wo.customerDemand': '客户诉求',
    'wo.problemFound': '核查问题', 'wo.measures': '处理措施', 'wo.customer': '客户', 'wo.deadlines': '时限',
    'wo.dispatchedAt': '派单时间', 'wo.warnAt': '预警时间', 'wo.deadline': '回单时限', 'wo.returnedAt': '回单时间',
    'wo.dissatisfaction': '客户不满意原因', 'wo.previousReturn': '上次回单', 'wo.history': '处理记录',
    'wo.return': '回单', 'wo.resolution': '处理结果', 'wo.faultOf': '责任方', 'wo.accountable': '追究责任人',
    'wo.operatorAtFault': '我方责任', 'wo.returnSubmit': '提交回单', 'wo.returned': '回单已提交。',
    'wo.transfer': '转派', 'wo.transferTo': '转派至部门', 'wo.transferReason': '转派原因', 'wo.transferSubmit': '转派',
    'wo.transferred': '已转派至 {0}。', 'wo.openCase': '查看案件', 'wo.category': '类别', 'wo.urgency': '紧急程度',
    'wo.channel': '受理渠道', 'wo.registeredAt': '受理时间', 'wo.promisedReplyBy': '承诺答复时间', 'wo.result': '回单内容',
    'res.RESOLVED': '已解决', 'res.EXPLAINED': '已解释', 'res.COMPENSATED': '已补偿', 'res.REFUNDED': '已退费',
    'res.NOT_REPRODUCIBLE': '无法复现',
    'fault.DEPARTMENT': '责任部门', 'fault.CUSTOMER_SERVICE_CENTRE': '客服中心', 'fault.THIRD_PARTY': '第三方',
    'fault.CUSTOMER': '客户自身', 'fault.NONE': '无责任',
    // surveys
    'surveys.title': '待回访', 'surveys.returnedAt': '回单时间', 'surveys.deadline': '回访时限', 'surveys.answer': '回访',
    'surveys.empty': '没有待回访的投诉。', 'surveys.form': '回访 {0}', 'surveys.reachable': '已联系上客户',
    'surveys.satisfied': '客户是否满意', 'surveys.reason': '不满意原因', 'surveys.operatorAtFault': '是否我方责任',
    'surveys.explanation': '向客户解释或提供的替代方案', 'surveys.accepted': '客户接受解释', 'surveys.submit': '提交回访结果',
    'surveys.done': '回访结果已记录。', 'surveys.unreached': '未联系上客户次数', 'surveys.satisfiedYes': '满意',
    'surveys.satisfiedNo': '不满意', 'surveys.contacts': '联系记录',
    // contacts
    'contacts.title': '客户联系记录', 'contacts.kind': '联系类型', 'contacts.channel': '联系方式', 'contacts.reached': '已联系上',
    'contacts.summary': '内容摘要', 'contacts.next': '约定下次联系时间', 'contacts.cause': '原因', 'contacts.process': '处理过程',
    'contacts.solution': '解决方案', 'contacts.submit': '记录联系', 'contacts.done': '联系已记录。', 'contacts.empty': '还没有联系记录。',
    'contacts.at': '时间', 'contacts.by': '联系人',
    'kind.FIRST_CONTACT': '首次联系', 'kind.PROGRESS': '进度告知', 'kind.FINAL_ANSWER': '最终答复',
    'channel.PHONE': '电话', 'channel.SMS': '短信', 'channel.EMAIL': '邮件', 'channel.IN_PERSON': '当面', 'channel.LETTER': '信函',
    // cases
    'cases.title': '投诉案件', 'cases.search': '投诉编号', 'cases.open': '打开', 'cases.empty': '没有符合条件的投诉。',
    'cases.registeredAt': '受理时间', 'case.title': '投诉 {0}', 'case.complaint': '投诉登记内容', 'case.workOrders': '工单',
    'case.clocks': '时限', 'case.contacts': '客户联系', 'case.timeline': '事件时间线（审计档案）', 'case.chainValid': '审计链完整',
    'case.chainBroken': '审计链被破坏：{0}', 'case.asOf': '查看某一时刻的状态', 'case.asOfApply': '查看', 'case.asOfNow': '当前',
    'case.asOfShown': '显示的是 {0} 时的状态。', 'case.timelineAuditorsOnly': '事件时间线仅审计员可见。',
    'case.asOfAuditorsOnly': '历史状态仅审计员可查看。', 'case.attempts': '派单次数', 'case.customer': '客户',
    'case.description': '投诉描述', 'case.demand': '客户诉求', 'case.survey': '回访结果', 'case.closedAt': '结案时间',
    'clock.RETURN': '回单', 'clock.SURVEY': '回访', 'clock.CASE': '结案', 'clock.CONTACT': '24 小时联系', 'clock.ANSWER': '48 小时答复',
    'clock.PROGRESS': '进度告知', 'clock.started': '开始', 'clock.warnAt': '预警点', 'clock.deadline': '时限',
    'clock.state': '状态', 'clock.running': '计时中', 'clock.warned': '已预警', 'clock.breached': '已超时', 'clock.stopped': '已完成',
    'event.seq': '序号', 'event.at': '时间', 'event.type': '事件', 'event.actor': '操作人',
    // kpis
    'kpis.title': '考核指标', 'kpis.from': '自', 'kpis.to': '至', 'kpis.group': '分组', 'kpis.load': '查询',
    'kpis.csv': '导出 CSV', 'kpis.chartFigure': '图表指标', 'kpis.total': '合计',
    'group.category': '按类别', 'group.channel': '按渠道', 'group.region': '按地区', 'group.department': '按部门',
    'ev.ComplaintRegistered': '投诉受理', 'ev.AwaitingTriage': '待分拣', 'ev.Dispatched': '派单', 'ev.Returned': '回单',
    'ev.Redispatched': '二次派单', 'ev.SlaClockStarted': '时限开始', 'ev.SlaWarningRaised': '预警', 'ev.SlaBreached': '超时',
    'ev.SurveyPassed': '回访满意', 'ev.SurveyFailed': '回访不满意', 'ev.ComplaintClosed': '结案',
    'ev.CustomerContacted': '联系客户', 'ev.WorkOrderUrged': '催单', 'ev.WorkOrderEscalated': '升级',
    'ev.EscalationNotice': '上报管理层', 'ev.WorkOrderTransferred': '转派',
    'clock.DISPATCH': '分拣派单', 'hist.TRANSFERRED': '转派', 'hist.URGED': '催单', 'hist.ESCALATED': '升级',
    'hist.NOTICE': '上报管理层',
    'outcome.PASSED': '满意', 'outcome.FAILED': '不满意',
    'cat.NETWORK': '网络质量', 'cat.BUSINESS': '业务与计费', 'cat.SERVICE': '服务', 'urg.URGENT': '紧急', 'urg.NORMAL': '一般',
    'chan.HOTLINE': '热线', 'chan.ONLINE': '网上', 'chan.EMAIL': '邮件', 'chan.IN_PERSON': '营业厅', 'chan.LETTER': '信函',
    'chan.SOCIAL_MEDIA': '社交媒体', 'chan.REGULATOR': '管局转办', 'tier.KEY': '重要客户', 'tier.STANDARD': '普通客户',
  },
  en: {
    title: 'Complaint console', skip: 'Skip to content', language: 'Language', signOut: 'Sign out',
    'nav.dashboard': 'Dashboard', 'nav.queue': 'Work orders', 'nav.surveys': 'Surveys', 'nav.cases': 'Cases', 'nav.kpis': 'KPIs',
    'role.agent': 'Department agent', 'role.surveyor': 'Survey agent', 'role.operator': 'Operator', 'role.auditor': 'Auditor',
    'role.admin': 'Administrator', 'role.submitter': 'Submitting system',
    loading: 'Loading…', refresh: 'Refresh', updated: 'Updated', none: 'None', yes: 'Yes', no: 'No', back: 'Back',
    prev: 'Previous', next: 'Next', pageInfo: 'Page {0} of {1}, {2} items', all: 'All', save: 'Submit',
    'error.unauthorized': 'The token is not valid or has expired: sign in again.', 'error.forbidden': 'Your role may not see this.',
    'error.notFound': 'Not found.', 'error.unavailable': 'The service is unavailable for the moment; try again.',
    'error.network': 'Cannot reach {0}.',
    'signin.title': 'Sign in', 'signin.token': 'Token',
    'signin.tokenHint': 'Mint a token with deploy/run.sh token --role operator --subject you --name "Your Name" and paste it here. It is kept in this tab\'s session storage only.',
    'signin.submit': 'Sign in', 'signin.sso': 'Single sign-on', 'signin.bad': 'This is not a valid token (JWT).',
    'signin.rejected': 'The services refuse this token: {0}', 'signin.noRole': 'The token carries no role of this suite (groups).',
    'signin.expired': 'The token has expired.', 'signin.ssoFailed': 'Single sign-on failed: {0}',
    'status.REGISTERED': 'Registered', 'status.TRIAGE': 'Awaiting triage', 'status.DISPATCHED': 'Dispatched',
    'status.RETURNED': 'Returned', 'status.SATISFIED': 'Satisfied', 'status.DISSATISFIED': 'Dissatisfied',
    'status.CLOSED': 'Closed', 'status.RESOLVED_AT_FIRST_CONTACT': 'Resolved at first contact', 'wo.OPEN': 'Open',
    'wo.RETURNED': 'Returned', 'wo.SUPERSEDED': 'Redispatched', 'survey.PENDING': 'Pending', 'survey.ANSWERED': 'Answered',
    'survey.CLOSED': 'Closed',
    'dash.title': 'Operations dashboard', 'dash.open': 'Open complaints by stage', 'dash.openTotal': 'Open in all',
    'dash.now': 'Deadlines now', 'dash.warningNow': 'Warned, not yet overdue', 'dash.breachedNow': 'Overdue',
    'dash.today': 'Registrations per hour today', 'dash.registeredToday': 'Registered today', 'dash.closedToday': 'Closed today',
    'dash.rates': 'On-time return and satisfaction', 'dash.last7': 'Last 7 days', 'dash.last30': 'Last 30 days',
    'dash.targets': 'Targets', 'dash.hotspots': 'Hotspots now', 'dash.noHotspots': 'No hotspot now.', 'dash.new': 'new', 'dash.target': 'Target',
    'dash.actual': 'Actual', 'dash.missed': 'Missed', 'dash.met': 'Met', 'dash.noData': 'No data', 'dash.figures': 'Key figures',
    'fig.volume': 'Complaints', 'fig.closed': 'Closed', 'fig.onTimeReturnRate': 'On-time returns',
    'fig.satisfactionRate': 'Satisfaction', 'fig.replyRate': 'Reply rate', 'fig.contactTimeliness': 'Contact within 24 h',
    'fig.answerTimeliness': 'Answer within 48 h', 'fig.progressCompliance': 'Progress every 48 h', 'fig.warnings': 'Warnings',
    'fig.breaches': 'Breaches', 'fig.redispatchRate': 'Redispatch rate', 'fig.misroutingRate': 'Misrouting rate',
    'fig.recurrenceRate': 'Recurrence rate', 'fig.firstContactResolutionRate': 'Resolved at first contact',
    'fig.meanHandlingSeconds': 'Mean handling time', 'fig.p90HandlingSeconds': 'p90 handling time',
    'fig.complaintsPer10k': 'Complaints per 10,000', 'fig.urged': 'Urged', 'fig.escalated': 'Escalated', 'fig.transferred': 'Transferred',
    'queue.title': 'Work orders', 'queue.department': 'Department', 'queue.category': 'Category', 'queue.region': 'Region',
    'queue.status': 'Status', 'queue.flags': 'Flags', 'queue.complaint': 'Complaint', 'queue.dispatched': 'Dispatched',
    'queue.toWarning': 'To warning', 'queue.toDeadline': 'To deadline', 'queue.warned': 'Warned', 'queue.breached': 'Overdue',
    'queue.urged': 'Urged', 'queue.escalated': 'Escalated to level {0}', 'queue.empty': 'No work order in this queue.',
    'queue.open': 'Open', 'queue.attempt': 'Dispatch {0}', 'queue.warnedOnly': 'Warned only', 'queue.breachedOnly': 'Overdue only',
    'wo.title': 'Work order {0}', 'wo.complaint': 'The complaint', 'wo.reconstruction': 'What happened',
    'wo.customerDemand': 'What the customer asks', 'wo.problemFound': 'Problem found', 'wo.measures': 'Measures taken',
    'wo.customer': 'Customer', 'wo.deadlines': 'Deadlines', 'wo.dispatchedAt': 'Dispatched', 'wo.warnAt': 'Warning at',
    'wo.deadline': 'Return by', 'wo.returnedAt': 'Returned', 'wo.dissatisfaction': 'Why the customer was dissatisfied',
    'wo.previousReturn': 'Previous return', 'wo.history': 'History', 'wo.return': 'Return', 'wo.resolution': 'Resolution',
    'wo.faultOf': 'At fault', 'wo.accountable': 'Held accountable', 'wo.operatorAtFault': 'Our fault',
    'wo.returnSubmit': 'Return the work order', 'wo.returned': 'The work order was returned.', 'wo.transfer': 'Transfer',
    'wo.transferTo': 'To department', 'wo.transferReason': 'Reason', 'wo.transferSubmit': 'Transfer',
    'wo.transferred': 'Transferred to {0}.', 'wo.openCase': 'Open the case', 'wo.category': 'Category', 'wo.urgency': 'Urgency',
    'wo.channel': 'Channel', 'wo.registeredAt': 'Registered', 'wo.promisedReplyBy': 'Reply promised by', 'wo.result': 'Return',
    'res.RESOLVED': 'Resolved', 'res.EXPLAINED': 'Explained', 'res.COMPENSATED': 'Compensated', 'res.REFUNDED': 'Refunded',
    'res.NOT_REPRODUCIBLE': 'Not reproducible', 'fault.DEPARTMENT': 'Department', 'fault.CUSTOMER_SERVICE_CENTRE': 'Customer-service centre',
    'fault.THIRD_PARTY': 'Third party', 'fault.CUSTOMER': 'Customer', 'fault.NONE': 'Nobody',
    'surveys.title': 'Pending surveys', 'surveys.returnedAt': 'Returned', 'surveys.deadline': 'Survey by',
    'surveys.answer': 'Survey', 'surveys.empty': 'No complaint awaits a survey.', 'surveys.form': 'Survey of {0}',
    'surveys.reachable': 'The customer was reached', 'surveys.satisfied': 'Is the customer satisfied?',
    'surveys.reason': 'Why dissatisfied', 'surveys.operatorAtFault': 'Our fault?', 'surveys.explanation': 'What was explained or offered',
    'surveys.accepted': 'The customer accepts the explanation', 'surveys.submit': 'Record the answer', 'surveys.done': 'The answer was recorded.',
    'surveys.unreached': 'Calls not reached', 'surveys.satisfiedYes': 'Satisfied', 'surveys.satisfiedNo': 'Dissatisfied',
    'surveys.contacts': 'Contacts',
    'contacts.title': 'Contacts with the customer', 'contacts.kind': 'Kind', 'contacts.channel': 'Channel',
    'contacts.reached': 'Reached', 'contacts.summary': 'Summary', 'contacts.next': 'Next contact agreed by',
    'contacts.cause': 'Cause', 'contacts.process': 'What was done', 'contacts.solution': 'Solution',
    'contacts.submit': 'Record the contact', 'contacts.done': 'The contact was recorded.', 'contacts.empty': 'No contact yet.',
    'contacts.at': 'At', 'contacts.by': 'By', 'kind.FIRST_CONTACT': 'First contact', 'kind.PROGRESS': 'Progress',
    'kind.FINAL_ANSWER': 'Final answer', 'channel.PHONE': 'Phone', 'channel.SMS': 'SMS', 'channel.EMAIL': 'E-mail',
    'channel.IN_PERSON': 'In person', 'channel.LETTER': 'Letter',
    'cases.title': 'Cases', 'cases.search': 'Complaint number', 'cases.open': 'Open', 'cases.empty': 'No case matches.',
    'cases.registeredAt': 'Registered', 'case.title': 'Complaint {0}', 'case.complaint': 'As registered',
    'case.workOrders': 'Work orders', 'case.clocks': 'Deadlines', 'case.contacts': 'Contacts with the customer',
    'case.timeline': 'Timeline (audit archive)', 'case.chainValid': 'The audit chain holds', 'case.chainBroken': 'The audit chain is broken: {0}',
    'case.asOf': 'The state at an instant', 'case.asOfApply': 'Show', 'case.asOfNow': 'Now', 'case.asOfShown': 'Shown as of {0}.',
    'case.timelineAuditorsOnly': 'The timeline is for auditors.', 'case.asOfAuditorsOnly': 'Past states are for auditors.',
    'case.attempts': 'Dispatches', 'case.customer': 'Customer', 'case.description': 'Description', 'case.demand': 'Demand',
    'case.survey': 'Survey', 'case.closedAt': 'Closed',
    'clock.RETURN': 'Return', 'clock.SURVEY': 'Survey', 'clock.CASE': 'Case', 'clock.CONTACT': 'Contact (24 h)',
    'clock.ANSWER': 'Answer (48 h)', 'clock.PROGRESS': 'Progress', 'clock.started': 'Started', 'clock.warnAt': 'Warning at',
    'clock.deadline': 'Deadline', 'clock.state': 'State', 'clock.running': 'Running', 'clock.warned': 'Warned',
    'clock.breached': 'Overdue', 'clock.stopped': 'Done', 'event.seq': '#', 'event.at': 'At', 'event.type': 'Event',
    'event.actor': 'By',
    'kpis.title': 'KPIs', 'kpis.from': 'From', 'kpis.to': 'To', 'kpis.group': 'Group by', 'kpis.load': 'Show',
    'kpis.csv': 'Export CSV', 'kpis.chartFigure': 'Chart of', 'kpis.total': 'Total',
    'group.category': 'Category', 'group.channel': 'Channel', 'group.region': 'Region', 'group.department': 'Department',
    'ev.ComplaintRegistered': 'Registered', 'ev.AwaitingTriage': 'Awaiting triage', 'ev.Dispatched': 'Dispatched',
    'ev.Returned': 'Returned', 'ev.Redispatched': 'Redispatched', 'ev.SlaClockStarted': 'Deadline set',
    'ev.SlaWarningRaised': 'Warning', 'ev.SlaBreached': 'Overdue', 'ev.SurveyPassed': 'Survey: satisfied',
    'ev.SurveyFailed': 'Survey: dissatisfied', 'ev.ComplaintClosed': 'Closed', 'ev.CustomerContacted': 'Customer contacted',
    'ev.WorkOrderUrged': 'Urged', 'ev.WorkOrderEscalated': 'Escalated', 'ev.EscalationNotice': 'Management told',
    'ev.WorkOrderTransferred': 'Transferred',
    'clock.DISPATCH': 'Triage', 'hist.TRANSFERRED': 'Transferred', 'hist.URGED': 'Urged',
    'hist.ESCALATED': 'Escalated', 'hist.NOTICE': 'Management told',
    'outcome.PASSED': 'Satisfied', 'outcome.FAILED': 'Dissatisfied',
    'cat.NETWORK': 'Network', 'cat.BUSINESS': 'Business and billing', 'cat.SERVICE': 'Service', 'urg.URGENT': 'Urgent',
    'urg.NORMAL': 'Normal', 'chan.HOTLINE': 'Hotline', 'chan.ONLINE': 'Online', 'chan.EMAIL': 'E-mail',
    'chan.IN_PERSON': 'In person', 'chan.LETTER': 'Letter', 'chan.SOCIAL_MEDIA': 'Social media', 'chan.REGULATOR': 'Regulator',
    'tier.KEY': 'Key customer', 'tier.STANDARD': 'Standard',
  },
};


let current = initial();

function initial() {
  const chosen = localStorage.getItem(LANG_KEY);
  if (chosen === 'zh' || chosen === 'en') return chosen;
  // The browser's preferred languages are what it sends as Accept-Language: Chinese unless English comes first.
  const preferred = (navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language || 'zh'])
    .map(l => l.toLowerCase());
  const firstKnown = preferred.find(l => l.startsWith('zh') || l.startsWith('en'));
  return firstKnown && firstKnown.startsWith('en') ? 'en' : 'zh';
}

export function lang() {
  return current;
}

export function setLang(value) {
  current = value === 'en' ? 'en' : 'zh';
  localStorage.setItem(LANG_KEY, current);
  document.documentElement.lang = current === 'zh' ? 'zh-CN' : 'en';
}

/** The word for key, with {0}, {1} … replaced by args; the key itself when neither language has it. */
export function t(key, ...args) {
  const text = WORDS[current][key] ?? WORDS.zh[key] ?? key;
  return text.replace(/\{(\d+)}/g, (_, i) => String(args[Number(i)] ?? ''));
}

// The doors answer in English; the messages a form shows most often, in Chinese.
const MESSAGES_ZH = [
  [/^is required$/, () => '必填'],
  [/^is required: one of (.*)$/, m => '必填，可选：' + m[1]],
  [/^is required \(true or false\)$/, () => '必填（是或否）'],
  [/^is required \(true or false\) unless faultOf says who was at fault$/, () => '必填（是或否），除非已选择责任方'],
  [/^is required when the customer was reached \(true or false\)$/, () => '联系上客户时必填（满意或不满意）'],
  [/^is required when the customer is dissatisfied \(true or false\)$/, () => '客户不满意时必填（是或否）'],
  [/^must be one of (.*)$/, m => '必须是以下之一：' + m[1]],
  [/^must be at most (\d+) characters \(is (\d+)\)$/, m => `最多 ${m[1]} 个字符（现为 ${m[2]} 个）`],
  [/^must not be blank$/, () => '不能为空'],
];

/** A door's field message in the console's language (as it came where no translation is known). */
export function message(text) {
  if (current !== 'zh' || typeof text !== 'string') return text;
  for (const [pattern, say] of MESSAGES_ZH) {
    const m = pattern.exec(text);
    if (m) return say(m);
  }
  return text;
}

/** A coded value (status, resolution …) in words: t(prefix + value), or the value when no word is known. */
export function code(prefix, value) {
  if (value === null || value === undefined || value === '') return '—';
  const key = prefix + '.' + value;
  return WORDS[current][key] ?? WORDS.zh[key] ?? value;
}

export function category(value) {
  return code('cat', value);
}

let zone = 'Asia/Shanghai';

export function setZone(value) {
  if (value) zone = value;
}

export function timeZone() {
  return zone;
}

/** The zone's offset from UTC, in milliseconds, at the instant ms. */
function offsetAt(ms) {
  const parts = new Intl.DateTimeFormat('en-US', {timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit',
    day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit'}).formatToParts(new Date(ms));
  const get = type => Number(parts.find(p => p.type === type).value);
  return Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'))
    - Math.floor(ms / 1000) * 1000;
}

/**
 * A wall-clock time of the business zone ("2026-12-01T09:30", seconds optional, or a date alone for its start) as
 * an ISO instant. The offset is looked up twice, at the guess and at the result, so that a day whose offset changes
 * between midnight UTC and midnight in the zone is still right.
 */
export function zonedInstant(local) {
  const [date, time = '00:00:00'] = local.split('T');
  const [y, m, d] = date.split('-').map(Number);
  const [hh, mm, ss = 0] = time.split(':').map(Number);
  const wall = Date.UTC(y, m - 1, d, hh, mm, ss);
  const first = wall - offsetAt(wall);
  return new Date(wall - offsetAt(first)).toISOString();
}

/** The date after a date ("2026-12-31" → "2027-01-01"), by the calendar. */
export function nextDate(date) {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
}

function locale() {
  return current === 'zh' ? 'zh-CN' : 'en-GB';
}

/** An instant as date and time in the suite's business time zone. */
export function dateTime(instant) {
  if (!instant) return '—';
  return new Intl.DateTimeFormat(locale(), {
    timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit',
    second: '2-digit', hour12: false,
  }).format(new Date(instant));
}

export function hourOf(instant) {
  return new Intl.DateTimeFormat(locale(), {timeZone: zone, hour: '2-digit', minute: '2-digit', hour12: false})
    .format(new Date(instant));
}

/** A rate (0..1) as a percentage with one decimal; — for null. */
export function percent(rate) {
  if (rate === null || rate === undefined) return '—';
  return (rate * 100).toFixed(1) + '%';
}

export function number(value) {
  if (value === null || value === undefined) return '—';
  return new Intl.NumberFormat(locale(), {maximumFractionDigits: 2}).format(value);
}

/** A duration in milliseconds as "-1 天 02:03:04" / "1 d 02:03:04"; negative when past. */
export function countdown(ms) {
  const sign = ms < 0 ? '-' : '';
  let s = Math.floor(Math.abs(ms) / 1000);
  const days = Math.floor(s / 86400);
  s -= days * 86400;
  const hh = String(Math.floor(s / 3600)).padStart(2, '0');
  const mm = String(Math.floor((s % 3600) / 60)).padStart(2, '0');
  const ss = String(s % 60).padStart(2, '0');
  const d = days > 0 ? days + (current === 'zh' ? ' 天 ' : ' d ') : '';
  return `${sign}${d}${hh}:${mm}:${ss}`;
}

/** Seconds as a duration a person reads ("5 小时 3 分" / "5 h 3 min"; seconds under an hour). */
export function seconds(value) {
  if (value === null || value === undefined) return '—';
  const zh = current === 'zh';
  const total = Math.round(value);
  const d = Math.floor(total / 86400);
  const h = Math.floor((total % 86400) / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  if (d > 0) return zh ? `${d} 天 ${h} 小时` : `${d} d ${h} h`;
  if (h > 0) return zh ? `${h} 小时 ${m} 分` : `${h} h ${m} min`;
  if (m > 0) return zh ? `${m} 分 ${s} 秒` : `${m} min ${s} s`;
  return zh ? `${s} 秒` : `${s} s`;
}
