// The explorer's own words in Chinese and English. Registry data shows both languages side by side whatever
// the switch says; the switch picks the language of the interface and which name leads.
const storageKey = 'explorer.lang';

const strings = {
  title: ['南通产改登记册', 'Nantong reform registry'],
  skip: ['跳到正文', 'Skip to content'],
  navSearch: ['搜索', 'Search'],
  navDashboard: ['数据看板', 'Dashboard'],
  langButton: ['English', '中文'],
  langHint: ['切换界面语言', 'Switch the interface language'],
  keySummary: ['密钥', 'Key'],
  keyLabel: ['API 密钥（可查看修改记录）', 'API key (to see change history)'],
  keySave: ['使用', 'Use'],
  keyClear: ['清除', 'Clear'],
  keyHint: ['仅保存在本标签页；修改记录需要 ADMIN 角色。', 'Kept in this tab only; history needs the ADMIN role.'],
  footer: ['数据及出处来自本 API 的 /graphql；每条事实附原文引用。',
    'Data and sources come from this API\'s /graphql; every fact carries its verbatim quote.'],
  searchLabel: ['搜索企业、创新载体、政策、措施、引文……', 'Search firms, studios, policies, measures, quotes…'],
  searchHint: [
    '中文或英文，输入即搜；↓ 进入结果。',
    'Chinese or English, results as you type; ↓ moves into the results.',
  ],
  searchEmpty: ['没有匹配的记录。', 'No record matches.'],
  searchPrompt: [
    '输入关键词开始搜索，例如「知识产权」或「zhongtian」。',
    'Type to search, e.g. 知识产权 or zhongtian.',
  ],
  hits: ['条结果', 'hits'],
  matchedIn: ['匹配字段', 'matched in'],
  score: ['相关度', 'score'],
  query: ['查询（GraphiQL）', 'Query (GraphiQL)'],
  csv: ['下载 CSV', 'Download CSV'],
  loading: ['加载中……', 'Loading…'],
  error: ['出错了', 'Something went wrong'],
  notFound: ['没有这条记录。', 'There is no such record.'],
  sample: ['示例数据', 'Sample record'],
  sampleBanner: ['示例数据：这是代表来源未点名的试点名额的合成记录，不是真实企业。',
    'Sample record: a synthetic placeholder for a pilot slot the source does not name — not a real firm.'],
  fields: ['字段', 'Fields'],
  related: ['关联记录', 'Related records'],
  citations: ['出处与原文', 'Citations and quotes'],
  noCitations: ['没有引用：这条记录的事实没有出处（示例数据没有出处）。',
    'No citations: no source states this record\'s facts (sample records have none).'],
  source: ['来源', 'Source'],
  history: ['修改记录', 'Change history'],
  historyNeedsKey: ['修改记录仅 ADMIN 可见：在右上角「密钥」处填入 ADMIN 密钥。',
    'The change history is for ADMIN only: enter an ADMIN key under “Key” at the top.'],
  historyRefused: ['此密钥不能查看修改记录（需要 ADMIN）。', 'This key may not see the history (ADMIN only).'],
  historyEmpty: ['没有修改记录。', 'No recorded changes.'],
  openGraph: ['关联图', 'Linkage graph'],
  openRecord: ['打开记录', 'Open record'],
  depth: ['层数', 'Depth'],
  graphTitle: ['关联图', 'Linkage graph'],
  graphHint: [
    '点击节点打开记录；点击或悬停连线查看其出处。',
    'Click a node to open it; click or hover an edge for its citations.',
  ],
  graphTruncated: ['节点数达到上限，图未画完。', 'The node budget cut the walk short.'],
  nodes: ['节点', 'Nodes'],
  edges: ['关系', 'Relations'],
  edgeSources: ['这条关系的出处', 'Citations of this relation'],
  edgePick: ['选择一条关系查看其出处。', 'Pick a relation to see its citations.'],
  edgeNoSources: ['没有同时说明两端的引文。', 'No quote states both ends.'],
  from: ['起点', 'From'],
  to: ['终点', 'To'],
  kind: ['关系类型', 'Kind'],
  show: ['查看出处', 'Citations'],
  dashboard: ['数据看板', 'Dashboard'],
  firmsByIndustry: ['各行业企业数', 'Firms per industry'],
  firmsByRegion: ['各区域企业数', 'Firms per region'],
  pilotFill: ['试点名额填充', 'Pilot fill against targets'],
  indicatorByYear: ['指标数值（按年份）', 'Indicator values by year'],
  namedFirms: ['有名称的企业', 'Named firms'],
  sampleFirms: ['示例数据（合成）', 'Sample records (synthetic)'],
  target: ['目标数量', 'Target'],
  enrolledNamed: ['已入选（有名称）', 'Enrolled (named)'],
  enrolledSample: ['已入选（示例数据）', 'Enrolled (sample)'],
  notGiven: ['未注明', 'not given'],
  indicator: ['指标', 'Indicator'],
  undated: ['项数值没有日期，不在图中。', 'values have no date and are not on the chart.'],
  year: ['年份', 'Year'],
  schemaUnavailable: ['无法读取 GraphQL 模式（内省被关闭？）；浏览器需要它来显示字段。',
    'Cannot read the GraphQL schema (introspection switched off?); the explorer needs it to show fields.'],
};

// Relation kinds (LinkKind), read as "from … to".
const kinds = {
  LOCATED_IN: ['位于', 'located in'], PART_OF: ['隶属', 'part of'], IN_INDUSTRY: ['所属行业', 'in industry'],
  HOSTS: ['拥有', 'hosts'], INSPIRED: ['催生', 'inspired'], ISSUED: ['发布', 'issued'], PRODUCED: ['制定', 'produced'],
  COVERS: ['涵盖', 'covers'], ENROLLED_IN: ['入选', 'enrolled in'], ADOPTED: ['采用', 'adopted'],
  SETS_OUT: ['提出', 'sets out'], GOVERNS: ['规范', 'governs'], HAS_PROGRAM: ['设有试点', 'has program'],
  HAS_CASE: ['有案例', 'has case'], HAS_VALUE: ['有数值', 'has value'], REPORTS_ON: ['统计', 'reports on'],
  CITES: ['引用', 'cites'], QUOTES: ['摘自', 'quotes'],
};

let current = localStorage.getItem(storageKey) === 'en' ? 'en' : 'zh';

export const lang = () => current;

export function setLang(value) {
  current = value === 'en' ? 'en' : 'zh';
  localStorage.setItem(storageKey, current);
  document.documentElement.lang = current === 'zh' ? 'zh-CN' : 'en';
}

/** The interface text of a key in the current language. */
export function t(key) {
  const pair = strings[key];
  if (!pair) throw new Error(`No text for ${key}`);
  return current === 'zh' ? pair[0] : pair[1];
}

/** Both languages of an interface text, the current one first: for headings that must read in either. */
export function both(key) {
  const [zh, en] = strings[key];
  return current === 'zh' ? `${zh} · ${en}` : `${en} · ${zh}`;
}

export function kindLabel(kind) {
  const pair = kinds[kind];
  if (!pair) return kind;
  return current === 'zh' ? `${pair[0]} ${pair[1]}` : `${pair[1]} ${pair[0]}`;
}

/** Orders a Chinese and an English text by the current language; either may be missing. */
export function ordered(zh, en) {
  const parts = current === 'zh' ? [zh, en] : [en, zh];
  return parts.filter(p => p !== null && p !== undefined && p !== '');
}

/** Fills every [data-i18n] element under root with its text. */
export function translate(root = document) {
  for (const element of root.querySelectorAll('[data-i18n]')) element.textContent = t(element.dataset.i18n);
}
