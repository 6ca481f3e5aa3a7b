/** Jiading's partner units: roles of the real institutions and the generated units. */
import type { Pos } from '../../geo.ts';
import type { PartnerPlan, PartnerSpec } from '../../partners.ts';

/** How each real institution takes part: [kind, committee], keyed by its Chinese name. */
const REAL_ROLES: PartnerPlan['realRoles'] = {
  上海国际赛车场: ['state_enterprise', 'culture'],
  '上海汽车博物馆（上海国际汽车城·汽车博览公园）': ['other', 'culture'],
  '上海国际汽车城（安亭）': ['state_enterprise', 'economy'],
  嘉定区人民政府: ['government', 'city'],
  '嘉定孔庙（嘉定博物馆/中国科举博物馆）': ['other', 'culture'],
  古猗园: ['other', 'culture'],
  南翔老街: ['other', 'economy'],
  '上海交通大学医学院附属瑞金医院（嘉定/北部院区）': ['hospital', 'city'],
  嘉定区中心医院: ['hospital', 'city'],
  嘉定区中医医院: ['hospital', 'city'],
  '嘉定区中医医院（新院区）': ['hospital', 'city'],
  嘉定区妇幼保健院: ['hospital', 'city'],
  '海军军医大学第三附属医院（嘉定院区/安亭）': ['hospital', 'city'],
  同济大学嘉定校区: ['university', 'innovation'],
  上海大学嘉定校区: ['university', 'innovation'],
  上汽集团创新研究开发总院: ['state_enterprise', 'innovation'],
  远香湖公园: ['other', 'culture'],
  上海保利大剧院: ['state_enterprise', 'culture'],
  '嘉定图书馆（新城）': ['other', 'culture'],
  '州桥老街（法华塔）': ['other', 'culture'],
  汇龙潭公园: ['other', 'culture'],
  秋霞圃: ['other', 'culture'],
  西门历史文化街区: ['other', 'culture'],
};

const XINCHENG = '310114001';
const ZHENXIN = '310114002';
const JIADINGZHEN = '310114004';
const NANXIANG = '310114102';
const ANTING = '310114103';
const MALU = '310114106';
const XUHANG = '310114109';
const HUATING = '310114111';
const WAIGANG = '310114114';
const JIANGQIAO = '310114118';
const JUYUAN = '310114401';
const INDUSTRIAL = '310114501';

/** Where the district offices cluster: around the district government in the new city. */
const CIVIC: Pos = [121.2608, 31.3775];

/** [name, kind, committee, town, near (or the town seat), spread in km]. Names are generated. */
const GENERATED: readonly PartnerSpec[] = [
  ['中共嘉定区委组织部', 'government', 'city', XINCHENG, CIVIC, 0.4],
  ['嘉定区交通委员会', 'government', 'city', XINCHENG, CIVIC, 0.8],
  ['嘉定区建设和管理委员会', 'government', 'city', XINCHENG, CIVIC, 0.8],
  ['嘉定区水务局', 'government', 'city', JIADINGZHEN, null, 0.6],
  ['嘉定区市场监督管理局', 'government', 'economy', MALU, [121.262, 31.366], 0.6],
  ['嘉定区城市运行管理中心', 'government', 'city', XINCHENG, CIVIC, 0.6],
  ['嘉定区大数据中心', 'government', 'innovation', XINCHENG, CIVIC, 0.6],
  ['嘉定区文化和旅游局', 'government', 'culture', JIADINGZHEN, null, 0.5],
  ['嘉定区生态环境局', 'government', 'city', JUYUAN, [121.228, 31.378], 0.6],
  ['嘉定区民政局', 'government', 'city', XINCHENG, CIVIC, 0.8],
  ['嘉定区司法局', 'government', 'city', XINCHENG, CIVIC, 0.8],
  ['嘉定区卫生健康委员会', 'government', 'city', XINCHENG, CIVIC, 0.8],
  ['嘉定区教育局', 'government', 'culture', JIADINGZHEN, null, 0.6],
  ['嘉定区科学技术委员会', 'government', 'innovation', XINCHENG, CIVIC, 0.8],
  ['嘉定区经济委员会', 'government', 'economy', XINCHENG, CIVIC, 0.8],
  ['嘉定区商务委员会', 'government', 'economy', XINCHENG, CIVIC, 0.8],
  ['嘉定区规划和自然资源局', 'government', 'city', JUYUAN, [121.226, 31.372], 0.6],
  ['嘉定区绿化和市容管理局', 'government', 'city', XINCHENG, CIVIC, 0.8],
  ['嘉定区城市管理行政执法局', 'government', 'city', XINCHENG, CIVIC, 0.8],
  ['嘉定区应急管理局', 'government', 'city', JUYUAN, [121.232, 31.368], 0.6],
  ['中共嘉定区委社会工作部', 'government', 'city', XINCHENG, CIVIC, 0.5],
  ['上海市公安局嘉定分局', 'government', 'city', XINCHENG, CIVIC, 0.8],
  ['安亭镇人民政府', 'government', 'city', ANTING, null, 0.3],
  ['外冈镇人民政府', 'government', 'city', WAIGANG, null, 0.3],
  ['华亭镇人民政府', 'government', 'city', HUATING, null, 0.3],
  ['徐行镇人民政府', 'government', 'city', XUHANG, null, 0.3],
  ['嘉定工业区管理委员会', 'government', 'economy', INDUSTRIAL, null, 0.3],
  ['南翔镇人民政府', 'government', 'city', NANXIANG, null, 0.3],
  ['马陆镇人民政府', 'government', 'city', MALU, null, 0.3],
  ['上海嘉定城市发展集团有限公司', 'state_enterprise', 'economy', MALU, [121.258, 31.352], 0.8],
  ['上海嘉定新城发展有限公司', 'state_enterprise', 'economy', MALU, [121.252, 31.348], 0.8],
  ['国网上海市电力公司嘉定供电公司', 'state_enterprise', 'city', JIADINGZHEN, null, 0.8],
  ['上海嘉定公共交通有限公司', 'state_enterprise', 'city', JUYUAN, null, 1.0],
  ['上海嘉定自来水有限公司', 'state_enterprise', 'city', JIADINGZHEN, null, 0.8],
  ['中国电信上海嘉定分公司', 'state_enterprise', 'innovation', XINCHENG, null, 0.6],
  ['上海嘉定工业区开发（集团）有限公司', 'state_enterprise', 'economy', INDUSTRIAL, null, 1.0],
  ['上海南翔资产经营有限公司', 'state_enterprise', 'economy', NANXIANG, null, 0.8],
  ['上海远香湖商业管理有限公司', 'enterprise', 'economy', MALU, [121.256, 31.36], 0.5],
  ['上海南翔商业投资管理有限公司', 'enterprise', 'economy', NANXIANG, [121.318, 31.298], 0.6],
  ['上海安亭汽车零部件产业园发展有限公司', 'enterprise', 'economy', ANTING, [121.18, 31.305], 1.2],
  ['上海嘉定智能网联汽车测试运营有限公司', 'enterprise', 'innovation', ANTING, [121.19, 31.285], 1.0],
  ['上海江桥物流园区管理有限公司', 'enterprise', 'economy', JIANGQIAO, [121.31, 31.25], 1.0],
  ['上海菊园科技园区发展有限公司', 'enterprise', 'innovation', JUYUAN, null, 0.8],
  ['上海徐行草编文化创意有限公司', 'enterprise', 'culture', XUHANG, null, 0.8],
  ['上海华亭农业发展有限公司', 'enterprise', 'economy', HUATING, null, 1.5],
  ['上海外冈智能制造产业园管理有限公司', 'enterprise', 'economy', WAIGANG, null, 1.5],
  ['上海嘉定新能源充换电服务有限公司', 'enterprise', 'innovation', MALU, null, 1.2],
  ['上海真新商业发展有限公司', 'enterprise', 'economy', ZHENXIN, null, 0.5],
  ['上海马陆葡萄产业合作社', 'enterprise', 'economy', MALU, [121.3, 31.34], 1.0],
  ['上海师范大学天华学院', 'university', 'culture', JUYUAN, [121.215, 31.39], 0.6],
  ['中国科学院上海光学精密机械研究所', 'other', 'innovation', JIADINGZHEN, null, 0.5],
  ['中国科学院上海硅酸盐研究所嘉定园区', 'other', 'innovation', JUYUAN, null, 0.8],
  ['嘉定区江桥医院', 'hospital', 'city', JIANGQIAO, null, 0.6],
  ['嘉定区南翔医院', 'hospital', 'city', NANXIANG, null, 0.6],
  ['嘉定区安亭医院', 'hospital', 'city', ANTING, null, 0.8],
  ['上海市嘉定区第一中学', 'school', 'culture', JIADINGZHEN, null, 0.6],
  ['上海市嘉定区实验小学', 'school', 'culture', XINCHENG, null, 0.6],
  ['上海市南翔中学', 'school', 'culture', NANXIANG, null, 0.8],
  ['上海市安亭高级中学', 'school', 'culture', ANTING, null, 1.0],
  ['上海市外冈中学', 'school', 'culture', WAIGANG, null, 0.6],
  ['嘉定区志愿者协会', 'social_org', 'culture', XINCHENG, CIVIC, 0.8],
  ['嘉定区社会组织服务中心', 'social_org', 'city', XINCHENG, CIVIC, 0.8],
  ['嘉定区红十字会', 'social_org', 'city', JIADINGZHEN, null, 0.6],
  ['嘉定区慈善基金会', 'social_org', 'culture', XINCHENG, null, 0.6],
  ['嘉定区快递行业联合党委', 'social_org', 'economy', MALU, [121.27, 31.35], 1.0],
  ['嘉定区外卖骑手“暖新驿站”', 'community_org', 'city', JIANGQIAO, [121.32, 31.26], 0.8],
  ['新成路街道“老娘舅”调解工作室', 'community_org', 'city', XINCHENG, null, 0.5],
  ['嘉定镇街道睦邻点联盟', 'community_org', 'culture', JIADINGZHEN, null, 0.5],
  ['南翔镇楼组长联合会', 'community_org', 'city', NANXIANG, null, 0.8],
  ['真新街道社区志愿服务总队', 'community_org', 'city', ZHENXIN, null, 0.5],
  ['江桥镇新就业群体服务站', 'community_org', 'economy', JIANGQIAO, null, 0.8],
  ['菊园新区社区基金会', 'community_org', 'culture', JUYUAN, null, 0.6],
];

export const JIADING_PARTNERS: PartnerPlan = {
  realRoles: REAL_ROLES,
  generated: GENERATED,
  pairPool: (communities) => communities.filter((c) => c.committeeType === '村委会'),
};
