/**
 * Putuo's "靠谱朋友圈" (the 靠谱 regional party-building alliance): the real institutions of the reference
 * list at their coordinates, the units the summit article names (饿了么, 波克科技, 普世万联, 华东电力设计院,
 * 华东师范大学马克思主义学院, 电科所, 市公投, 市建工, 市隧道, 360, 中以长三角科创人才基金) at generated
 * positions near where they plausibly are, and generated district bodies, state enterprises, hospitals,
 * schools, the charging-network operator, SME service units and community organisations.
 */
import type { Pos } from '../../geo.ts';
import type { PartnerPlan, PartnerSpec } from '../../partners.ts';
import {
  CAOYANG,
  CHANGFENG,
  CHANGSHOU,
  CHANGZHENG,
  GANQUAN,
  SHIQUAN,
  TAOPU,
  WANLI,
  YICHUAN,
  ZHENRU,
} from './places.ts';

const REAL_ROLES: PartnerPlan['realRoles'] = {
  长风公园: ['other', 'culture'],
  普陀区人民政府: ['government', 'city'],
  M50创意园: ['enterprise', 'culture'],
  '梦清园（苏州河展示中心）': ['other', 'city'],
  '华东师范大学（中山北路校区）': ['university', 'innovation'],
  同济大学沪西校区: ['university', 'innovation'],
};

/** The district offices around the district government (大渡河路). */
const CIVIC: Pos = [121.3905, 31.2505];
/** 武宁路: the expressway's works offices and the research institutes along it. */
const WUNING: Pos = [121.421, 31.2415];
/** 长风生态商务区, beside the creek. */
const CHANGFENG_CBD: Pos = [121.392, 31.2235];
/** 桃浦智创城. */
const TAOPU_ZCC: Pos = [121.356, 31.2825];
/** 真如城市副中心. */
const ZHENRU_CENTRE: Pos = [121.3955, 31.2555];
/** 华东师范大学中山北路校区 (reference coordinates, quality C). */
const ECNU: Pos = [121.406, 31.2285];

/** [name, kind, committee, town, near (or the town seat), spread in km]. */
const GENERATED: readonly PartnerSpec[] = [
  // District bodies
  ['中共普陀区委组织部', 'government', 'city', null, CIVIC, 0.3],
  ['中共普陀区委社会工作部', 'government', 'city', null, CIVIC, 0.4],
  ['普陀区发展和改革委员会', 'government', 'economy', null, CIVIC, 0.5],
  ['普陀区建设和管理委员会', 'government', 'city', null, CIVIC, 0.5],
  ['普陀区商务委员会', 'government', 'economy', null, CIVIC, 0.5],
  ['普陀区科学技术委员会', 'government', 'innovation', null, CIVIC, 0.5],
  ['普陀区投资促进办公室', 'government', 'economy', null, CIVIC, 0.5],
  ['普陀区金融服务办公室', 'government', 'economy', null, CIVIC, 0.5],
  ['普陀区房屋管理局', 'government', 'city', null, CIVIC, 0.6],
  ['普陀区水务局', 'government', 'city', CHANGFENG, null, 0.6],
  ['普陀区绿化和市容管理局', 'government', 'city', null, CIVIC, 0.6],
  ['普陀区规划和自然资源局', 'government', 'city', null, CIVIC, 0.6],
  ['普陀区生态环境局', 'government', 'city', null, CIVIC, 0.6],
  ['普陀区城市运行管理中心', 'government', 'city', null, CIVIC, 0.4],
  ['普陀区大数据中心', 'government', 'innovation', null, CIVIC, 0.4],
  ['普陀区民政局', 'government', 'city', null, CIVIC, 0.6],
  ['普陀区卫生健康委员会', 'government', 'city', null, CIVIC, 0.6],
  ['普陀区教育局', 'government', 'culture', null, CIVIC, 0.6],
  ['普陀区文化和旅游局', 'government', 'culture', null, CIVIC, 0.6],
  ['普陀区司法局', 'government', 'city', null, CIVIC, 0.6],
  ['普陀区市场监督管理局', 'government', 'economy', null, CIVIC, 0.6],
  ['上海市公安局普陀分局', 'government', 'city', null, CIVIC, 0.6],
  // Street and town offices, at their seats
  ['曹杨新村街道办事处', 'government', 'city', CAOYANG, null, 0.2],
  ['长风新村街道办事处', 'government', 'city', CHANGFENG, null, 0.2],
  ['长寿路街道办事处', 'government', 'city', CHANGSHOU, null, 0.2],
  ['甘泉路街道办事处', 'government', 'city', GANQUAN, null, 0.2],
  ['石泉路街道办事处', 'government', 'city', SHIQUAN, null, 0.2],
  ['宜川路街道办事处', 'government', 'city', YICHUAN, null, 0.2],
  ['万里街道办事处', 'government', 'city', WANLI, null, 0.2],
  ['真如镇街道办事处', 'government', 'city', ZHENRU, null, 0.2],
  ['长征镇人民政府', 'government', 'city', CHANGZHENG, null, 0.2],
  ['桃浦镇人民政府', 'government', 'city', TAOPU, null, 0.2],
  // State enterprises and research institutes (the first five are named in the article)
  ['上海电器科学研究所（集团）有限公司（电科所）', 'state_enterprise', 'innovation', null, WUNING, 0.3],
  ['华东电力设计院', 'state_enterprise', 'innovation', null, WUNING, 0.3],
  [
    '上海城投公路投资（集团）有限公司（市公投）武宁路快速路项目部',
    'state_enterprise',
    'city',
    null,
    WUNING,
    0.5,
  ],
  ['上海建工集团（市建工）武宁路快速路项目部', 'state_enterprise', 'city', null, [121.405, 31.246], 0.5],
  [
    '上海隧道工程股份有限公司（市隧道）武宁路项目部',
    'state_enterprise',
    'city',
    null,
    [121.413, 31.244],
    0.4,
  ],
  ['上海桃浦智创城开发建设有限公司', 'state_enterprise', 'economy', null, TAOPU_ZCC, 0.5],
  ['上海真如城市副中心开发建设有限公司', 'state_enterprise', 'economy', null, ZHENRU_CENTRE, 0.4],
  ['长风生态商务区开发建设有限公司', 'state_enterprise', 'economy', null, CHANGFENG_CBD, 0.4],
  ['国网上海市区供电公司普陀供电服务中心', 'state_enterprise', 'city', ZHENRU, null, 0.6],
  ['中国电信上海普陀分公司', 'state_enterprise', 'innovation', CAOYANG, null, 0.5],
  ['上海普陀城市更新发展有限公司', 'state_enterprise', 'city', CHANGSHOU, null, 0.5],
  // Enterprises (饿了么, 波克科技, 360 and 中以长三角科创人才基金 are named in the article)
  ['饿了么（拉扎斯网络科技）', 'enterprise', 'economy', null, [121.383, 31.2455], 0.3],
  ['波克科技', 'enterprise', 'innovation', null, CHANGFENG_CBD, 0.5],
  ['360数字安全（上海）', 'enterprise', 'innovation', null, TAOPU_ZCC, 0.6],
  ['中以长三角科创人才基金', 'other', 'innovation', null, TAOPU_ZCC, 0.5],
  ['上海普陀新能源充换电服务有限公司', 'enterprise', 'innovation', CHANGZHENG, null, 0.8],
  ['上海月星环球港', 'enterprise', 'economy', null, [121.411, 31.2325], 0.2],
  ['长风大悦城', 'enterprise', 'economy', null, [121.3895, 31.2225], 0.2],
  ['天安千树', 'enterprise', 'culture', null, [121.446, 31.2485], 0.2],
  ['真如境商业管理有限公司', 'enterprise', 'economy', null, ZHENRU_CENTRE, 0.4],
  ['上海数字创新产业园', 'enterprise', 'innovation', null, TAOPU_ZCC, 0.8],
  // Universities, hospitals, schools
  ['华东师范大学马克思主义学院', 'university', 'culture', null, ECNU, 0.2],
  ['同济大学附属同济医院', 'hospital', 'city', null, [121.41, 31.274], 0.4],
  ['普陀区中心医院', 'hospital', 'city', null, [121.401, 31.2435], 0.3],
  ['普陀区人民医院', 'hospital', 'city', ZHENRU, null, 0.5],
  ['普陀区利群医院', 'hospital', 'city', CHANGZHENG, null, 0.6],
  ['普陀区妇婴保健院', 'hospital', 'city', CHANGSHOU, null, 0.5],
  ['上海市曹杨第二中学', 'school', 'culture', CAOYANG, null, 0.4],
  ['上海市宜川中学', 'school', 'culture', YICHUAN, null, 0.4],
  ['上海市晋元高级中学', 'school', 'culture', WANLI, null, 0.5],
  ['普陀区教育学院', 'school', 'culture', CHANGSHOU, null, 0.5],
  // SME service, social and community organisations (普世万联 is named in the article)
  ['普陀区中小企业服务中心', 'other', 'economy', null, CIVIC, 0.6],
  ['普陀区“专精特新”企业联盟', 'social_org', 'economy', null, TAOPU_ZCC, 0.8],
  ['普陀区工商业联合会', 'social_org', 'economy', null, CIVIC, 0.6],
  ['普世万联', 'social_org', 'economy', null, CHANGFENG_CBD, 0.6],
  ['普陀区新兴领域党建研究中心', 'other', 'innovation', null, ECNU, 0.25],
  ['“半马苏河”滨河党建联盟', 'social_org', 'city', null, [121.4415, 31.2465], 0.3],
  ['普陀区志愿者协会', 'social_org', 'culture', null, CIVIC, 0.6],
  ['普陀区社会组织服务中心', 'social_org', 'city', null, CIVIC, 0.6],
  ['普陀区红十字会', 'social_org', 'city', CAOYANG, null, 0.5],
  ['普陀区文化馆', 'other', 'culture', CHANGSHOU, null, 0.5],
  ['普陀区外卖骑手“暖新驿站”', 'community_org', 'city', null, [121.383, 31.2455], 0.6],
  ['曹杨新村“工人新村”讲解志愿队', 'community_org', 'culture', CAOYANG, null, 0.3],
  ['宜川路街道睦邻中心联盟', 'community_org', 'culture', YICHUAN, null, 0.4],
  ['长征镇楼组长联合会', 'community_org', 'city', CHANGZHENG, null, 0.6],
  ['万里街道社区志愿服务总队', 'community_org', 'city', WANLI, null, 0.4],
  ['桃浦镇新就业群体服务站', 'community_org', 'economy', TAOPU, null, 0.8],
  ['真如镇街道社区基金会', 'community_org', 'culture', ZHENRU, null, 0.5],
  ['甘泉路街道“老娘舅”调解工作室', 'community_org', 'city', GANQUAN, null, 0.4],
  ['石泉路街道楼组党建联盟', 'community_org', 'city', SHIQUAN, null, 0.4],
];

export const PUTUO_PARTNERS: PartnerPlan = {
  realRoles: REAL_ROLES,
  generated: GENERATED,
  // A dense urban district has few villages (7, all in 桃浦镇): district bodies pair with any
  // community elsewhere (对口结对).
  pairPool: (communities) => communities.slice(),
};
