package report_test

import (
	"github.com/jixiao/jixiao/extract"
)

// A third round of held-out forms: kinds the first two rounds sample
// little or not at all — a department-level self-evaluation with no level
// columns (重庆), self-evaluations of 中央引导地方科技发展资金 (a project
// form and a 区域 form, both as the template leaves them), 云南's
// self-evaluation with ﹦ (U+FE66) as its operator, a 湖南 township form
// with a 长期绩效指标 block before the 年度绩效指标 block, a 重庆 form with
// its title rows inside the table, an indicator table inside the prose of
// a 四川 self-evaluation report, and three blank templates of the family
// (陕西 佳县 with its title repeated on every page, 黑龙江 大庆, a 范本 of
// 评价内容 / 绩效内容 / 参考标准 / 绩效目标值), rebuilt as the stored pages
// show them. Texts are re-typed with simplified characters and full-width
// punctuation restored (two of the pages are traditional-character
// mirrors); values keep their notation. Nothing is invented: where a page
// was cut off or garbled, the fixture leaves the rest out and says so.
//
// The fields compared are those of heldOut3Fields (heldOutFields plus
// pN.iM.l12, "level1|level2", for forms whose values the page does not
// place), compared as heldOutMatch compares them.

// templateRows is indicator rows of a template w cells wide, one per text:
// the text in column col, the cells before it continuing the ones above,
// the cells after it empty.
func templateRows(w, col int, texts ...string) [][]string {
	var rows [][]string
	for _, s := range texts {
		r := make([]string, w)
		for i := range r {
			switch {
			case i < col:
				r[i] = "^"
			case i == col:
				r[i] = s
			default:
				r[i] = ""
			}
		}
		rows = append(rows, r)
	}
	return rows
}

func heldOut3Forms() []heldOutForm {
	// 陕西 佳县: the title repeated at the top of each page, above each of
	// the template's four tables.
	jiaxian := "佳县财政支出项目绩效目标申报表"
	jiaxianIndicators := func(label string) *extract.Table {
		return grid(
			row(label, "一级指标", "二级指标", "指标内容", "指标值", "备注"),
			row("^", "产出指标", "数量指标", "", "", ""),
			row("^", "^", "质量指标", "", "", ""),
			row("^", "^", "时效指标", "", "", ""),
			row("^", "^", "成本指标", "", "", ""),
			row("^", "^", "…", "", "", ""),
			row("^", "效益指标", "经济效益指标", "", "", ""),
			row("^", "^", "社会效益指标", "", "", ""),
			row("^", "^", "环境效益指标", "", "", ""),
			row("^", "^", "可持续影响指标", "", "", ""),
			row("^", "^", "…", "", "", ""),
			row("^", "服务对象满意度指标", "具体指标", "……", "", ""),
		)
	}

	// The 范本's indicator block: 评价内容 over two columns, three numbered
	// placeholder rows under each target kind.
	fanben := [][]string{
		row("单位代码", "", "单位名称", "", "<", "<"),
		row("项目名称", "", "<", "<", "是否新增", "是　否"),
		row("上年度预算安排资金（万元）", "", "项目类型", "社会发展性项目　部门发展性项目", "<", "<"),
		row("功能科目编码", "", "功能科目名称", "", "<", "<"),
		row("项目实施单位", "", "项目负责人", "", "联系电话", ""),
		line("项目起止时间", "", 6),
		line("项目资金申请（万元）", "资金总额：", 6),
		row("^", "财政拨款：", "<", "自有资金：", "<", "<"),
		row("^", "事业收入：", "<", "经营性收入：", "<", "其他："),
		row("^", "其他：", "<", "<", "<", "<"),
		line("单位职能概述", "", 6),
		line("项目概况", "", 6),
		row("项目立项情况", "项目立项的依据", "", "<", "<", "<"),
		row("^", "项目申报的可行性", "", "<", "<", "<"),
		row("^", "项目申报的必要性", "", "<", "<", "<"),
		line("项目总体绩效目标（长期目标）", "", 6),
		row("项目年度绩效目标（定量目标）", "评价内容", "<", "绩效内容", "参考标准", "绩效目标值"),
	}
	for _, g := range []struct{ l1, l2 string }{
		{"投入", "时效目标"}, {"", "成本目标"}, {"", "其他资源投入目标"},
		{"产出", "数量目标"}, {"", "质量目标"},
		{"效益", "经济效益目标"}, {"", "社会效益目标"}, {"", "环境效益目标"}, {"", "可持续影响目标"},
	} {
		l1 := g.l1
		if l1 == "" {
			l1 = "^"
		}
		fanben = append(fanben,
			row("^", l1, g.l2, "目标1", "", ""),
			row("^", "^", "^", "目标2", "", ""),
			row("^", "^", "^", "目标3", "", ""))
	}
	fanben = append(fanben,
		row("^", "服务对象满意度目标", "<", "目标1", "", ""),
		row("^", "^", "<", "目标2", "", ""),
		row("^", "^", "<", "目标3", "", ""),
		line("单位已有的（或拟订的）保证项目实施的制度、措施", "", 6),
	)

	daqing := [][]string{
		row("项目基本情况", "项目名称", "", "<", "<", "<"),
		row("^", "项目负责人", "", "联系电话", "", "<"),
		row("^", "项目类别", "1.重大课题（规划）□ 2.网络运行维护□ 3.考核奖励□ 4.大型培训□ 5.重大宣传活动□ 6.执法办案□ 7.大宗印刷□ 8.奖学助学□ 9.庆典、节会、论坛、商业演出□ 10.房租□ 11.设备购置□ 12.交通工具购置□ 13.专用材料购置□ 14.房屋建筑物购建□ 15.大型修缮□ 16.信息网络购建□ 17.物资储备□ 18.转移支付□ 19.其他□", "<", "<", "<"),
		row("^", "项目属性", "新增项目□　　延续项目□", "<", "<", "<"),
		row("^", "项目计划\n实施时间", "年　月　日　至　年　月　日", "<", "<", "<"),
		row("^", "项目申请原因（包括设立依据、可行性及必要性）", "", "<", "<", "<"),
		row("^", "以前年度项目绩效情况", "", "<", "<", "<"),
		row("绩效\n指标", "指标名称", "<", "上年度\n实际水平", "本年度\n计划水平", "指标内容/计算公式"),
		row("^", "二级指标", "三级指标", "^", "^", "^"),
		row("^", "目标完成程度", "1.", "", "", ""),
	}
	daqing = append(daqing, templateRows(6, 2, "2.", "3.", "……")...)
	daqing = append(daqing, row("^", "项目实施效益", "1.", "", "", ""))
	daqing = append(daqing, templateRows(6, 2, "2.", "3.", "……")...)

	kejiNames := []string{
		"支持自由探索类基础研究项目数量",
		"支持省部共建国家重点实验室项目数量",
		"支持国家临床医学研究中心项目数量",
		"支持新型研发机构项目数量",
		"转化科技成果数量",
		"支持科技特派员项目数量",
		"支持国家高新技术产业开发区项目数量",
		"支持国家创新型城市项目数量",
		"支持国家创新型县（市）项目数量",
		"支持国家自主创新示范区项目数量",
		"支持国家科技成果转移转化示范区项目数量",
		"支持国家级科技企业孵化器、大学科技园、众创空间、双创示范基地、星创天地项目数量",
	}
	keji := [][]string{
		line("转移支付（项目）名称", "中央引导地方科技发展资金", 7),
		line("中央主管部门", "财政部、科技部", 7),
		row("地方主管部门", "省财政厅、省科技厅", "<", "实施单位", "", "<", "<"),
		row("项目资金（万元）", "", "<", "<", "全年预算数（A）", "全年执行数（B）", "预算执行率（B/A）"),
		row("^", "年度资金总额：", "<", "<", "", "", ""),
		row("^", "其中：中央补助地方资金", "<", "<", "", "", ""),
		row("^", "其他资金", "<", "<", "", "", ""),
		row("年度总体目标", "年初设定目标", "<", "<", "全年实际完成情况", "<", "<"),
		row("^", "", "<", "<", "", "<", "<"),
		row("绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "全年完成值", "未完成原因和改进措施"),
	}
	for i, n := range kejiNames {
		if i == 0 {
			keji = append(keji, row("^", "产出指标", "数量指标", n, "", "", ""))
			continue
		}
		keji = append(keji, row("^", "^", "^", n, "", "", ""))
	}

	return []heldOutForm{
		// 云南省丽江市古城区自然资源局, 2020年度项目支出绩效自评表 (a
		// traditional-character mirror of the published table): the title
		// as the table's first row, the 项目名称 cell holding a name that
		// ends in 支出绩效自评表, 年初预算数 | 全年预算数 | 全年执行数 | 分值 |
		// 执行率 | 得分, a two-row indicator header whose first row has
		// 绩效指标 over the three level columns and 年度指标值 over 指标性质
		// | 指标值 | 度量单位, ﹦ (U+FE66 SMALL EQUALS SIGN) as the operator,
		// amounts in 元 inside a 万元 form. The page was cut inside the last
		// row: its 得分 and 偏差 cells are left empty and not asked.
		// Source: http://m.jjiadianqingjie.com.cn/changyong/13241.html
		{
			name: "01 云南 丽江古城 项目支出绩效自评表 (﹦, 绩效指标 over the level columns)",
			blocks: []extract.Block{
				para("2020年云南省级自然资源卫片执法补助经费"),
				tab(grid(
					span("2020年度项目支出绩效自评表", 10),
					line("项目名称", "2020年省级自然资源卫片执法补助经费支出绩效自评表", 10),
					append(append([]string{"主管部门"}, span("丽江市自然资源和规划局", 4)...), append([]string{"实施单位"}, span("丽江市古城区自然资源局", 4)...)...),
					row("项目资金\n（万元）", "", "<", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分", "<"),
					row("^", "年度资金总额", "<", "7.29", "7.29", "7.29", "10.00", "100%", "10.00", "<"),
					row("^", "其中：当年财政拨款", "<", "7.29", "7.29", "7.29", "", "100%", "", "<"),
					row("^", "上年结转资金", "<", "", "", "", "", "", "", "<"),
					row("^", "其他资金", "<", "", "", "", "", "", "", "<"),
					append(append([]string{"年度\n总体\n目标"}, span("预期目标", 4)...), span("实际完成情况", 5)...),
					append(append([]string{"^"}, span("自然资源卫片执法补助经费", 4)...), span("自然资源卫片执法补助经费", 5)...),
					row("绩效指标", "<", "<", "年度指标值", "<", "<", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"),
					row("一级\n指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位", "^", "^", "^", "^"),
					row("产出指标", "数量指标", "卫片执法补助经费", "﹦", "72890", "元", "72890", "10.00", "9.00", ""),
					row("^", "质量指标", "项目验收合格率", "﹦", "100", "%", "100", "20", "19", ""),
					row("^", "时效指标", "项目完成及时率", "﹦", "100", "%", "100", "20.00", "19.00", ""),
					row("效益指标", "社会效益指标", "违法行为责停率", "≥", "95", "%", "95", "30.00", "27.00", ""),
					row("满意度指标", "服务对象满意度指标", "满意度", "≥", "95", "%", "95", "10.00", "", ""),
				)),
			},
			want: map[string]string{
				"kind":            "self_evaluation",
				"year":            "2020",
				"projects":        "1",
				"p1.name":         "2020年省级自然资源卫片执法补助经费支出绩效自评表",
				"p1.budget.total": "7.29",
				"p1.goal":         "自然资源卫片执法补助经费",
				"p1.indicators":   "5",
				"p1.i1":           "产出指标|数量指标|卫片执法补助经费|72890",
				"p1.i1.split":     "﹦|72890|元",
				"p1.i1.actual":    "72890",
				"p1.i1.weight":    "10.00",
				"p1.i1.score":     "9.00",
				"p1.i2":           "产出指标|质量指标|项目验收合格率|100",
				"p1.i2.split":     "﹦|100|%",
				"p1.i3":           "产出指标|时效指标|项目完成及时率|100",
				"p1.i4":           "效益指标|社会效益指标|违法行为责停率|95",
				"p1.i4.split":     "≥|95|%",
				"p1.i4.score":     "27.00",
				"p1.i5":           "满意度指标|服务对象满意度指标|满意度|95",
				"p1.i5.weight":    "10.00",
			},
		},

		// 重庆 (西部（重庆）科学城) 融媒体中心, 部门整体绩效自评表 for 2021 (a
		// .docx stored as garbled text by a document site): 主管部门 |
		// 财政处室 | 自评总分（分） 97.6, a 部门预算执行情况 block, 年初绩效目标 |
		// 全年（调整）绩效目标 | 全年目标实际完成情况, and an indicator table
		// with no level columns at all: 指标名称 | 计量单位 | 指标性质 (定量指标
		// / 定性指标 merged down their rows) | 年初指标值 | 调整指标值 | 全年完成值
		// | 得分系数（%） | 指标权重（分） | 指标得分（分） | 是否核心指标, a
		// 绩效指标 label down the left. Left out: the three amounts (garbled);
		// the rows whose values the page garbled (the two "三公"经费 rows,
		// 党性教育培训次数, 组织宣传活动次数, 制作宣传品数量, 播发稿件数量) and
		// the rows after the cut (公共服务…). Which goal text stands under
		// which of the three goal headers the page does not show; the test
		// does not ask the goal.
		// Source: https://m.yzwku.com/doc/98587.html
		{
			name: "02 重庆 融媒体中心 部门整体绩效自评表 (指标名称 only, 年初/调整指标值, 指标得分)",
			blocks: []extract.Block{
				para("部门整体绩效自评表"),
				tab(grid(
					row("主管部门", "", "<", "财政处室", "", "<", "<", "自评总分（分）", "97.6", "<", "<"),
					row("部门联系人", "曾雪莲", "<", "联系电话", "", "<", "<", "<", "<", "<", "<"),
					row("部门预算执行情况", "年初预算数", "<", "全年（调整）预算数", "全年执行数", "<", "执行率（%）", "执行率权重", "<", "执行率得分（分）", "<"),
					row("^", "", "<", "", "", "<", "76%", "10", "<", "7.6", "<"),
					row("当年绩效目标", "年初绩效目标", "<", "<", "全年（调整）绩效目标", "<", "<", "全年目标实际完成情况", "<", "<", "<"),
					row("^", "无", "<", "<",
						"通过整合各级各类媒体、户外广告载体、宣传宣讲活动等，为建设成渝地区双城经济圈和西部（重庆）重庆科学城营造良好氛围。保障融媒体中心正常人事基础/日常运转，有效承担西部（重庆）科学城新闻宣传管理，思想文化领域建设等工作。", "<", "<",
						"中心2021年较好地完成了履职任务，有效开展了西部（重庆）科学城新闻宣传管理/思想文化领域建设等工作，为建设成渝地区双城经济圈和西部（重庆）重庆科学城营造了良好氛围。", "<", "<", "<"),
					row("绩效指标", "指标名称", "计量单位", "指标性质", "年初指标值", "调整指标值", "全年完成值", "得分系数（%）", "指标权重（分）", "指标得分（分）", "是否核心指标"),
					row("^", "财政供养人员控制率", "%", "定量指标", "100%", "", "92%", "100%", "2", "2", "否"),
					row("^", "基础信息完善", "%", "^", "100%", "", "100%", "100%", "1", "1", "否"),
					row("^", "预算完成率", "%", "^", "70%", "", "76%", "100%", "2", "2", "是"),
					row("^", "预算调整率", "%", "^", "3%", "", "0", "100%", "2", "2", "否"),
					row("^", "结转结余率", "%", "^", "2%", "", "0", "100%", "2", "2", "是"),
					row("^", "公用经费控制率", "%", "^", "100%", "", "97%", "100%", "2", "2", "是"),
					row("^", "政府采购执行率", "%", "^", "100%", "", "72.74%", "100%", "2", "2", "是"),
					row("^", "管理制度健全性", "", "定性指标", "高", "", "高", "100%", "3", "3", "否"),
					row("^", "资金使用合规性", "", "^", "好", "", "好", "100%", "5", "5", "否"),
					row("^", "预决算信息公开性", "", "^", "高", "", "高", "100%", "1", "1", "否"),
					row("^", "资产管理安全", "", "^", "好", "", "好", "100%", "2", "2", "否"),
					row("^", "固定资产利用率", "%", "定量指标", "90%", "", "100%", "100%", "2", "2", "否"),
					row("^", "业务保障能力提升", "%", "^", "90%", "", "95%", "100%", "10", "10", "否"),
				)),
			},
			want: map[string]string{
				"kind":                  "self_evaluation",
				"projects":              "0",
				"department_indicators": "13",
				"d.i1":                  "||财政供养人员控制率|100%",
				"d.i1.split":            "定量指标|100%|%",
				"d.i1.actual":           "92%",
				"d.i1.weight":           "2",
				"d.i1.score":            "2",
				"d.i3":                  "||预算完成率|70%",
				"d.i3.actual":           "76%",
				"d.i7":                  "||政府采购执行率|100%",
				"d.i7.actual":           "72.74%",
				"d.i8":                  "||管理制度健全性|高",
				"d.i8.split":            "定性指标|高|",
				"d.i8.weight":           "3",
				"d.i8.score":            "3",
				"d.i13":                 "||业务保障能力提升|90%",
				"d.i13.actual":          "95%",
				"d.i13.weight":          "10",
			},
		},

		// 中央引导地方科技发展资金绩效目标自评表（2021年度）, 附件3 of a
		// provincial notice (the province not stated), as the template is
		// sent down: 项目类别： 项目名称： 承担单位：（盖章） as a line above
		// the table, 转移支付（项目）名称 (a label with a bracketed word
		// inside), 中央主管部门 / 地方主管部门, every amount and value empty,
		// and twelve named 数量指标 rows with no 年度指标值 yet. The page was
		// cut inside the thirteenth name; the fixture stops before it. Named
		// rows with empty values are indicators a reviewer must send back,
		// not placeholders.
		// Source: https://m.jinchutou.com/shtml/view-209397929.html
		{
			name: "03 中央引导地方科技发展资金绩效目标自评表 2021 (转移支付（项目）名称, named rows, no values yet)",
			blocks: []extract.Block{
				para("附件3"),
				para("中央引导地方科技发展资金绩效目标自评表"),
				para("项目类别：　　　　项目名称：　　　　承担单位：（盖章）"),
				para("（2021年度）"),
				tab(grid(keji...)),
			},
			want: map[string]string{
				"kind":          "self_evaluation",
				"year":          "2021",
				"projects":      "1",
				"p1.name":       "中央引导地方科技发展资金",
				"p1.indicators": "12",
				"p1.i1":         "产出指标|数量指标|支持自由探索类基础研究项目数量|",
				"p1.i5":         "产出指标|数量指标|转化科技成果数量|",
				"p1.i12":        "产出指标|数量指标|支持国家级科技企业孵化器、大学科技园、众创空间、双创示范基地、星创天地项目数量|",
			},
		},

		// 2022年度中央引导地方科技发展资金区域绩效目标自评表 (a
		// traditional-character mirror of the template, the province not
		// stated): 专项名称 as four check boxes (□, OCR'd as 口 on the page),
		// 项目名称 and 归口管理部门 empty, 资金情况（万元） with 中央财政资金 /
		// 地方资金 / 其他资金, 总体目标完成情况 over 总体目标 | 全年实际完成情况,
		// and 数量指标 rows whose 指标值 and 全年实际完成值 hold only the unit
		// 个. The page was cut inside the fifth name; the fixture stops
		// before it. The test does not ask the name (the template has none).
		// Source: http://m.cornels-photography.com/paper/263603984.html
		{
			name: "04 中央引导地方科技发展资金区域绩效目标自评表 2022 (专项名称 check boxes, values only a unit)",
			blocks: []extract.Block{
				para("2022年度中央引导地方科技发展资金区域绩效目标自评表"),
				para("项目承担单位：（盖章）　　　　　　填写日期："),
				tab(grid(
					line("专项名称", "□自由探索类基础研究　□科技创新基地建设　□科技成果转移转化　□区域创新体系建设", 7),
					line("项目名称", "", 7),
					line("归口管理部门", "", 7),
					row("资金情况（万元）", "", "<", "<", "全年预算数（A）", "全年执行数（B）", "预算执行率（B/A）"),
					row("^", "年度资金总额：", "<", "<", "", "", ""),
					row("^", "其中：中央财政资金", "<", "<", "", "", ""),
					row("^", "地方资金", "<", "<", "", "", ""),
					row("^", "其他资金", "<", "<", "", "", ""),
					row("总体目标完成情况", "总体目标", "<", "<", "全年实际完成情况", "<", "<"),
					row("^", "", "<", "<", "", "<", "<"),
					row("绩效指标", "一级指标", "二级指标", "三级指标", "指标值", "全年实际完成值", "未完成原因和改进措施"),
					row("^", "产出指标", "数量指标", "支持自由探索类基础研究项目数量", "个", "个", ""),
					row("^", "^", "^", "支持建设科技创新基地项目数量", "个", "个", ""),
					row("^", "^", "^", "支持省部共建国家重点实验室项目数量", "个", "个", ""),
					row("^", "^", "^", "支持国家临床医学研究中心项目数量", "个", "个", ""),
				)),
			},
			want: map[string]string{
				"kind":          "self_evaluation",
				"year":          "2022",
				"projects":      "1",
				"p1.indicators": "4",
				"p1.i1":         "产出指标|数量指标|支持自由探索类基础研究项目数量|个",
				"p1.i1.actual":  "个",
				"p1.i4":         "产出指标|数量指标|支持国家临床医学研究中心项目数量|个",
			},
		},

		// 湖南省长沙市宁乡市坝塘镇人民政府, 项目绩效目标表（2021年度） (a
		// .docx stored as flattened text by a document site): 填报单位（盖章）
		// above the table, 主管部门编码 left blank (the 项目负责人 below it is
		// filled), 年度资金总额及构成 as one cell of lines (总额
		// 10606.7522万元 / 财政拨款：… / 二、自有资金：… / 三、其他：…), a
		// 项目实施进度计划 block whose rows carry other years (2016–2020),
		// 长期目标 | 年度目标 side by side, then a 长期绩效指标 block and a
		// 年度绩效指标 block of the same rows (一级指标 | 二级指标 | 指标内容 |
		// 指标值 | 备注), a … placeholder row under 产出指标. The page
		// flattens cells, so which of 指标内容 / 指标值 / 备注 the two numbers
		// of each row (88 and 100, 68 and 100 …) stood in is not known: the
		// fixture puts them under 指标值 and 备注, and the test asks only the
		// level names, the count and the info fields. The page was cut inside
		// the 年度 block's 满意度 row; the fixture stops before it.
		// Source: https://renrendoc.com/paper/307484460.html
		{
			name: "05 湖南 宁乡坝塘 项目绩效目标表 (长期绩效指标 block, then 年度绩效指标 block)",
			blocks: []extract.Block{
				para("项目绩效目标表"),
				para("（2021年度）"),
				para("填报单位（盖章）：宁乡市坝塘镇人民政府"),
				tab(grid(
					line("项目名称", "镇域内基础设施建设", 6),
					line("项目属性", "新增项目□　延续项目√", 6),
					row("主管部门", "坝塘镇", "<", "主管部门编码", "", "<"),
					row("项目单位", "坝塘镇", "项目负责人", "蒋建华", "联系电话", ""),
					line("项目起止时间", "2021年度", 6),
					line("年度资金总额及构成", "总额10606.7522万元\n财政拨款：6923.3552万元（其中：上级财政资金：6923.3552万元；本级财政：0万元）\n二、自有资金：0万元\n三、其他：3683.3970万元", 6),
					line("项目概况", "镇域内水利、道路、机关、学校及乡村振兴等基础设施建设", 6),
					row("项目立项情况", "项目立项的依据", "机关、学校、乡村振兴按发改立项", "<", "<", "<"),
					row("^", "项目申报的可行性", "已申报项目可行性评估", "<", "<", "<"),
					row("^", "项目申报的必要性", "为改善镇域内基础设施、振兴乡村", "<", "<", "<"),
					row("项目实施进度计划", "项目实施内容", "<", "<", "开始时间", "完成时间"),
					row("^", "1、总体概念规划", "<", "<", "2016", "2020"),
					row("^", "2、核心区规划", "<", "<", "2021", "2021"),
					row("项目绩效目标", "长期目标", "<", "年度目标", "<", "<"),
					row("^", "改善镇域内基础设施，振兴乡村经济", "<", "全面完成集镇立面改造、机关、学校、乡村振兴等项目，搞好提质改造", "<", "<"),
					row("长期绩效指标", "一级指标", "二级指标", "指标内容", "指标值", "备注"),
					row("^", "产出指标", "数量指标", "", "88", "100"),
					row("^", "^", "质量指标", "", "88", "100"),
					row("^", "^", "时效指标", "", "88", "100"),
					row("^", "^", "成本指标", "", "88", "100"),
					row("^", "^", "…", "", "", ""),
					row("^", "效益指标", "经济效益指标", "", "88", "100"),
					row("^", "^", "社会效益指标", "", "68", "100"),
					row("^", "^", "生态效益指标", "", "20", "100"),
					row("^", "^", "可持续影响指标", "", "20", "100"),
					row("^", "社会公众或服务对象满意度指标", "<", "", "88", "100"),
					row("年度绩效指标", "一级指标", "二级指标", "指标内容", "指标值", "备注"),
					row("^", "产出指标", "数量指标", "", "88", "100"),
					row("^", "^", "质量指标", "", "88", "100"),
					row("^", "^", "时效指标", "", "88", "100"),
					row("^", "^", "成本指标", "", "88", "100"),
					row("^", "^", "…", "", "", ""),
					row("^", "效益指标", "经济效益指标", "", "88", "100"),
					row("^", "^", "社会效益指标", "", "68", "100"),
					row("^", "^", "生态效益指标", "", "20", "100"),
					row("^", "^", "可持续影响指标", "", "20", "100"),
				)),
			},
			want: map[string]string{
				"year":             "2021",
				"projects":         "1",
				"p1.name":          "镇域内基础设施建设",
				"p1.budget.total":  "10606.7522",
				"p1.goal":          "全面完成集镇立面改造、机关、学校、乡村振兴等项目，搞好提质改造",
				"p1.mid_term_goal": "改善镇域内基础设施，振兴乡村经济",
				"p1.department":    "|宁乡市坝塘镇人民政府",
				"p1.indicators":    "8",
				"p1.i1.l12":        "产出指标|数量指标",
				"p1.i4.l12":        "产出指标|成本指标",
				"p1.i5.l12":        "效益指标|经济效益指标",
				"p1.i8.l12":        "效益指标|可持续影响指标",
			},
		},

		// 重庆市巴南区接龙镇人民政府, 项目支出绩效目标表（2021年度） (published
		// as a web table): 附件1, the title and （ 2021 年度） as rows of the
		// table, 绩效编制单位： naming the submitting unit (the 主管部门 is the
		// district's 区林业局), 项目负责人及电话 / 归口业务科室 /
		// 是否政府采购 / 开始日期 / 结束日期, and the amount unit inside the
		// funds label as （单位：万元）. The long 项目概况 text is shortened;
		// the page was cut inside the 当年绩效目标 text, and the fixture stops
		// before that row.
		// Source: http://cqbn.gov.cn/bmjz/jz/jlz/zwgk_89345/fdzdgknr_89347/ysjs_89130/ys/202106/t20210621_9409865.html
		{
			name: "06 重庆 巴南接龙 项目支出绩效目标表 (title rows in the table, 资金情况（单位：万元）)",
			blocks: []extract.Block{
				para("项目支出绩效目标表2020-2021年度松材线虫病除治"),
				tab(grid(
					span("附件1", 8),
					span("项目支出绩效目标表", 8),
					span("（ 2021 年度）", 8),
					line("绩效编制单位：", "重庆市巴南区接龙镇人民政府", 8),
					append(append([]string{"项目名称"}, span("重庆市巴南区接龙镇2020-2021年度松材线虫病除治", 3)...), append([]string{"项目负责人及电话"}, span("吕泽18323869586", 3)...)...),
					append(append([]string{"主管部门"}, span("区林业局", 3)...), append([]string{"实施单位"}, span("接龙镇农业服务中心", 3)...)...),
					append(append([]string{"归口业务科室"}, span("森防站", 3)...), append([]string{"是否政府采购"}, span("是", 3)...)...),
					append(append([]string{"开始日期"}, span("2021.1", 3)...), append([]string{"结束日期"}, span("2021.12", 3)...)...),
					append([]string{"资金情况\n（单位：万元）", "年度资金总额："}, span("179.9", 6)...),
					append([]string{"^", "其中：财政拨款"}, span("179.9", 6)...),
					append([]string{"^", "其他资金"}, span("0", 6)...),
					line("项目概况", "2021年，为保障森林资源安全，预计对接龙镇荷花村、新槐村、桥边村……共计17个村凡有松树的林地山头（图班）有死亡松树（……）进行完全除治和焚烧碳化。", 8),
					line("立项依据", "巴南重林防指办〔2020〕11号关于开展秋普和编制实施方案的通知", 8),
				)),
			},
			want: map[string]string{
				"year":            "2021",
				"projects":        "1",
				"department":      "|重庆市巴南区接龙镇人民政府",
				"p1.name":         "重庆市巴南区接龙镇2020-2021年度松材线虫病除治",
				"p1.budget.total": "179.9",
				"p1.amount_unit":  "万元",
				"p1.indicators":   "0",
			},
		},

		// 四川省遂宁市大英县, a 项目支出绩效自评报告 (双心及文明城市创建专项资金,
		// 2020) stored page by page: this page opens on the report's
		// indicator table — 绩效指标 down the left, 一级指标 | 二级指标 |
		// 三级指标 | 指标值 | 实施进度, the level-1 cells filled with 项目决策 /
		// 项目效益 (the evaluation framework's words, not 产出/效益) — and
		// goes on in prose. No title and no info table on the page: the
		// report's name of the project is only in the prose. The page was
		// cut inside the 资金到位 table that follows; the fixture stops
		// before it.
		// Source: https://dyxrmt.cn/article-147197-19.html
		{
			name: "07 四川 大英 自评报告中的指标表 (实施进度 column, 项目决策 as level 1, no title)",
			blocks: []extract.Block{
				tab(grid(
					row("绩效\n指标", "一级指标", "二级指标", "三级指标", "指标值", "实施进度"),
					row("^", "项目决策", "数量指标", "宣传次数", "至少全年完成2次宣传", "已完成100%"),
					row("^", "^", "质量指标", "创建质量", "按质按量完成", "已完成100%"),
					row("^", "^", "时效指标", "全年", "1-12月", "已完成100%"),
					row("^", "^", "成本指标", "成本", "10万元", "已完成100%"),
					row("^", "项目效益", "社会效益\n指标", "提升全县消费者维权意识", "不断提升", "已完成100%"),
					row("^", "满意度指标", "满意度指标", "群众满意度", "90%", "已完成100%"),
				)),
				para("3.分析评价申报内容是否与实际相符，申报目标是否合理可行"),
				para("评价申报内容与实际相符，申报目标合理可行。"),
				para("（三）项目自评步骤及方法"),
				para("围绕绩效目标，从项目的开展、成效等方面科学设定评价指标体系，采用公众评判、结果比较等方式进行评价。"),
				para("二、项目资金申报及使用情况"),
				para("（一）项目资金申报及批复情况。"),
				para("该双心及文明城市创建专项资金项目于2020年初向财政局进行资金申报工作，根据《关于大英县创建放心舒心消费城市工作方案的通知》（大府办函〔2017〕75号）《关于印发大英县创建全国县级文明城市测评体系任务分解表的通知》（大创文指办发〔2020〕1号）等文件申报资料进行审议，批复下达预算资金10万元。"),
				para("（二）资金计划、到位及使用情况（可用表格形式反映）。"),
				para("1.资金到位"),
			},
			want: map[string]string{
				"projects":      "1",
				"p1.indicators": "6",
				"p1.i1":         "项目决策|数量指标|宣传次数|至少全年完成2次宣传",
				"p1.i1.extra":   "实施进度=已完成100%",
				"p1.i3":         "项目决策|时效指标|全年|1-12月",
				"p1.i4":         "项目决策|成本指标|成本|10万元",
				"p1.i5":         "项目效益|社会效益指标|提升全县消费者维权意识|不断提升",
				"p1.i6":         "满意度指标|满意度指标|群众满意度|90%",
			},
		},

		// 陕西省榆林市佳县, 财政支出项目绩效目标申报表 (the county's 2016
		// template, stored as text by a document site): four tables, each
		// on its own page under the same title — the info table, the
		// 项目概况 / 立项情况 / 实施进度计划 / 长期目标 | 年度目标 table, a
		// 长期绩效指标 table and a 年度绩效指标 table with the level names
		// pre-filled and nothing else (… and 具体指标 …… as placeholders) —
		// and the signature line after. One blank form: one project, no
		// indicators.
		// Source: https://docx.baby/p/20793843881926.html
		{
			name: "08 陕西 佳县 财政支出项目绩效目标申报表 template (the title repeated on every page)",
			blocks: []extract.Block{
				para(jiaxian),
				para("（　　年度）"),
				para("填报单位（盖章）"),
				tab(grid(
					line("项目名称", "", 6),
					line("项目属性", "新增项目 □　　延续项目 □", 6),
					row("主管部门", "", "<", "主管部门编码", "", "<"),
					row("项目实施单位", "", "项目负责人", "", "联系电话", ""),
					line("项目起止时间", "", 6),
					line("项目资金申请（万元）", "资金总额：", 6),
					row("^", "财政拨款：", "<", "自有资金：", "<", "<"),
					row("^", "事业收入：", "<", "经营性收入：", "<", "<"),
					row("^", "其他：", "<", "其他：", "<", "<"),
					line("单位职能概述", "", 6),
				)),
				para(jiaxian),
				tab(grid(
					line("项目概况", "", 6),
					row("项目立项情况", "项目立项的依据", "", "<", "<", "<"),
					row("^", "项目申报的可行性", "", "<", "<", "<"),
					row("^", "项目申报的必要性", "", "<", "<", "<"),
					row("项目实施进度计划", "项目实施内容", "<", "<", "开始时间", "完成时间"),
					row("^", "1、", "<", "<", "", ""),
					row("^", "2、", "<", "<", "", ""),
					row("^", "3、", "<", "<", "", ""),
					row("^", "……", "<", "<", "……", ""),
					row("项目绩效目标", "长期目标", "<", "年度目标", "<", "<"),
					row("^", "", "<", "", "<", "<"),
				)),
				para(jiaxian),
				tab(jiaxianIndicators("长期绩效指标")),
				para(jiaxian),
				tab(jiaxianIndicators("年度绩效指标")),
				tab(grid(line("其他说明的问题", "", 6))),
				para("填报人：　　　　　　单位负责人：　　　　　　填报日期："),
			},
			want: map[string]string{
				"projects":      "1",
				"p1.indicators": "0",
			},
		},

		// 黑龙江省大庆市, 部门预算项目支出绩效目标申报表 (附1 of a notice, the
		// template as sent; a .doc stored as text by a document site): 编制单位
		// （盖章）：, a 项目基本情况 block with 19 check boxes for 项目类别, and
		// an indicator block headed 指标名称 over 二级指标 | 三级指标 beside
		// 上年度实际水平 | 本年度计划水平 | 指标内容/计算公式, 目标完成程度 and
		// 项目实施效益 pre-filled as level-2 names over numbered placeholders.
		// Left out: the 项目资金情况, 项目支出内容及明细预算 and 绩效目标情况
		// blocks, whose cell layout the flattened page does not show, and the
		// 审核意见 rows after the cut. A blank target form: one project, no
		// indicators, and 上年度实际水平 is last year's level, not a
		// self-evaluation's 实际完成值.
		// Source: https://m.zixin.com.cn/doc/3995614.html
		{
			name: "09 黑龙江 大庆 部门预算项目支出绩效目标申报表 template (上年度实际水平 | 本年度计划水平)",
			blocks: []extract.Block{
				para("附1："),
				para("大庆市部门预算项目支出绩效目标申报表"),
				para("（　　年度）"),
				para("编制单位（盖章）："),
				tab(grid(daqing...)),
			},
			want: map[string]string{
				"kind":          "target",
				"projects":      "1",
				"p1.indicators": "0",
			},
		},

		// 财政支出项目绩效目标申报表（范本）, 附件1 of a notice (a
		// traditional-character mirror, the province not stated): 单位代码 |
		// 单位名称, 是否新增 是 否, 功能科目编码 / 功能科目名称, the funds as
		// sub-labels with nothing after them, 项目总体绩效目标（长期目标）, and
		// a 项目年度绩效目标（定量目标） block headed 评价内容 (over two
		// columns: 投入 / 产出 / 效益 and their target kinds) | 绩效内容 | 参考标准
		// | 绩效目标值, each kind with 目标1 / 目标2 / 目标3 placeholders and
		// nothing else. A blank form: one project, no indicators, and no
		// goal (the 定量目标 label heads the indicator block, it holds no
		// text).
		// Source: http://www.boteman.cn/paper/97320058.html
		{
			name: "10 财政支出项目绩效目标申报表（范本） (评价内容 | 绩效内容 | 参考标准 | 绩效目标值, 目标1-3)",
			blocks: []extract.Block{
				para("附件1："),
				para("财政支出项目绩效目标申报表（范本）"),
				para("填报单位（盖章）"),
				tab(grid(fanben...)),
				para("填报人：　　　　　　单位负责人：　　　　　　填报日期："),
			},
			want: map[string]string{
				"projects":      "1",
				"p1.goal":       "",
				"p1.indicators": "0",
			},
		},
	}
}
