package report_test

import (
	"github.com/jixiao/jixiao/extract"
)

// A second round of held-out forms: templates of provinces and budget
// systems that neither testdata/real-forms nor heldout_test.go samples
// (甘肃, 天津, 山东, 陕西 宝鸡, 宁夏 自治区 self-evaluations, a 河北
// 评价指标表, 福建 水利 forms with one value column per town, 湖南 南岳's
// 雨露计划 template), rebuilt as the stored page shows them. Texts are
// re-typed with full-width punctuation restored; values keep their
// notation. Nothing is invented: where a page was cut off, or a cell is
// garbled by the page's OCR, the fixture leaves the row out and says so.
//
// The fields compared are those of heldOutFields (formFields plus
// pN.iM.l3v, "level3|value", for forms whose level columns are read one
// way or another), compared as heldOutMatch compares them.

func heldOut2Forms() []heldOutForm {
	return []heldOutForm{
		// 甘肃省嘉峪关市, 省级部门预算项目支出绩效目标表（2023年度） (a PDF
		// stored as OCR text, two projects; the first is rebuilt): label |
		// value pairs four columns wide, 一级项目名称 (the fund) beside
		// 二级项目名称 (the project), 项目总投资 and 预算申报数 as amounts
		// with 万元 inside the value, a 项目实施计划 block of three
		// units, header 指标目标值, values =300天 / =100百分比, the 2021
		// guideline's 成本指标 as a level-1 group. Left out: the rows
		// 经济成本指标 资金使用效率 and 经济效益指标 为当地提供就业岗位, whose
		// values the OCR garbled.
		// Source: http://bigxun.com/view/1667741699571552258
		{
			name: "01 甘肃 嘉峪关 省级部门预算项目支出绩效目标表 (一级/二级项目名称, 指标目标值)",
			blocks: []extract.Block{
				para("省级部门预算项目支出绩效目标表"),
				para("（2023年度）"),
				tab(grid(
					row("一级项目名称", "文化事业发展专项资金", "二级项目名称", "博物馆纪念馆市级免费开放补助资金"),
					row("项目类型", "新增项目", "项目分类", "专项工作经费"),
					row("资金用途", "业务类项目", "主管部门", "嘉峪关市文化和旅游局"),
					row("项目开始日期", "2023-01-01", "项目完成日期", "2023-12-31"),
					row("项目总投资", "20万元", "中央补助安排", "0"),
					row("省级财政安排", "0", "其他资金", "20万元"),
					row("预算申报数", "20万元", "资金性质", "一般公共预算"),
					line("基本情况", "保障博物馆正常运转", 4),
					line("项目立项必要性", "保障各项业务正常运行", 4),
					line("保证项目实施的制度措施", "博物馆绩效考核", 4),
					row("项目实施计划", "组织实施单位", "甘肃省文物局", "<"),
					row("^", "监督管理单位", "嘉峪关文旅局", "<"),
					row("^", "项目实施单位", "嘉峪关城市博物馆", "<"),
					line("政策依据", "甘财科[2022]78号", 4),
					line("其他依据", "", 4),
					line("需要说明的其他问题", "", 4),
					line("年度绩效目标", "进一步提高博物馆纪念馆运行效率和免费开放服务水平", 4),
					row("一级指标", "二级指标", "三级指标", "指标目标值"),
					row("产出指标", "数量指标", "免费开放天数", "=300天"),
					row("^", "质量指标", "博物馆绩效考核指标完成率", "=100百分比"),
					row("^", "时效指标", "各项工作完成及时率%", "=99百分比"),
					row("成本指标", "社会成本指标", "对当地文物保护、文化传承影响", "长远"),
					row("^", "生态环境成本指标", "提升博物馆绿化水平", "提升"),
					row("效益指标", "社会效益指标", "免费开放接待观众人数", "=30000人次"),
					row("^", "生态效益指标", "历史文化传承环保意识", "时限长远"),
					row("满意度指标", "服务对象满意度", "服务对象满意度%", "=99百分比"),
				)),
			},
			want: map[string]string{
				"projects":        "1",
				"year":            "2023",
				"p1.name":         "博物馆纪念馆市级免费开放补助资金",
				"p1.budget.total": "20万元",
				"p1.goal":         "进一步提高博物馆纪念馆运行效率和免费开放服务水平",
				"p1.indicators":   "8",
				"p1.i1":           "产出指标|数量指标|免费开放天数|=300天",
				"p1.i3":           "产出指标|时效指标|各项工作完成及时率%|=99百分比",
				"p1.i4":           "成本指标|社会成本指标|对当地文物保护、文化传承影响|长远",
				"p1.i6":           "效益指标|社会效益指标|免费开放接待观众人数|=30000人次",
				"p1.i8":           "满意度指标|服务对象满意度|服务对象满意度%|=99百分比",
			},
		},

		// 天津市宝坻区, 中央预算内投资计划绩效目标表 (2022, the 发展改革 template
		// of 中央预算内投资) after a 下达 notice that gives the project code
		// in its text: 专项名称, 下达地方或单位, 下达中央预算内投资（万元）,
		// 总 体 目 标, and an indicator table whose 一级指标 is 实施效果指标
		// and whose 二级指标 are 产出指标 / 效益指标. The page was cut at the
		// fifth indicator; the fixture stops before it.
		// Source: http://www.tyc-yl.com/zwgk_53713/ysgk_59783/czjzxzj/202207/t20220710_5930157.html
		{
			name: "02 天津 宝坻 中央预算内投资计划绩效目标表 (实施效果指标 over 产出/效益)",
			blocks: []extract.Block{
				para("津财基指〔2022〕23号"),
				para("……现下达你区2022年预算2350万元，专项用于2022年天津市宝坻区畜禽粪污资源化利用整县推进项目（12000022P10000210006W），功能分类科目列“213.农林水支出”，请按规定专款专用。"),
				para("附件：天津市农业绿色发展专项（畜禽粪污资源化利用整县推进项目）2022年中央预算内投资计划绩效目标表"),
				para("2022年5月27日"),
				para("附件"),
				para("天津市农业绿色发展专项（畜禽粪污资源化利用整县推进项目）2022年中央预算内投资计划绩效目标表"),
				para("（天津市宝坻区畜禽粪污资源化利用整区推进项目）"),
				tab(grid(
					line("专项名称", "农业绿色发展专项（畜禽粪污资源化利用整县推进项目）", 5),
					line("下达地方或单位", "宝坻区人民政府", 5),
					line("下达中央预算内投资（万元）", "2350", 5),
					line("总 体 目 标", "提高畜禽粪污综合利用率和规模养殖场设施装备配套率。", 5),
					row("绩 效 指 标", "一级指标", "二级指标", "三级指标", "指标值"),
					row("^", "实施效果指标", "产出指标", "建设项目个数（含续建）", "1"),
					row("^", "^", "^", "竣工验收合格率", "100%"),
					row("^", "^", "^", "按进度计划实施情况", "按计划实施"),
					row("^", "^", "效益指标", "完工项目县畜禽粪污综合利用率", "≥90%"),
				)),
			},
			want: map[string]string{
				"projects":        "1",
				"year":            "2022",
				"p1.name":         "农业绿色发展专项（畜禽粪污资源化利用整县推进项目）",
				"p1.budget.total": "2350",
				"p1.amount_unit":  "万元",
				"p1.goal":         "提高畜禽粪污综合利用率和规模养殖场设施装备配套率。",
				"p1.indicators":   "4",
				"p1.i1":           "实施效果指标|产出指标|建设项目个数（含续建）|1",
				"p1.i3":           "实施效果指标|产出指标|按进度计划实施情况|按计划实施",
				"p1.i4":           "实施效果指标|效益指标|完工项目县畜禽粪污综合利用率|≥90%",
			},
		},

		// 福建省莆田市秀屿区, 2025年省级第七批水利专项资金绩效目标表 after a
		// 下达 notice and an 安排表: the funds on one row (资金情况（万元）|
		// 资金总额 | 35 | 其中：财政拨款 | 35 | 其他资金 | 0), 成本指标 first,
		// units inside the 三级 names (…控制率（%）, …工程（个）), a 指标方向
		// column (≤ ≥ 是/否) and then one value column per town with no
		// 指标值 header at all. The page was cut at the 效益指标 row.
		// Source: https://www.chacewang.com/newsdetail/news886214.html
		{
			name: "03 福建 秀屿 水利专项资金绩效目标表 (指标方向, a value column per town, no 指标值 header)",
			blocks: []extract.Block{
				para("笏石街道办、埭头镇财政所、水利站："),
				para("……现下达2025年省级第七批水利专项资金35万元，用于笏石街道梁厝沟四新段护岸水毁修复工程和埭头镇西坡排洪闸水毁修复工程，……"),
				para("附件：1.秀屿区2025年省级第七批水利专项资金安排表"),
				para("2.秀屿区2025年省级第七批水利专项资金绩效目标表"),
				para("莆田市秀屿区财政局 莆田市秀屿区水利局"),
				para("2025年9月19日"),
				para("附件1"),
				para("秀屿区2025年省级第七批水利专项资金安排表"),
				tab(grid(
					row("属地", "金额", "项目"),
					row("笏石街道办", "20万元", "笏石街道梁厝沟四新段护岸水毁修复工程"),
					row("埭头镇", "15万元", "埭头镇西坡排洪闸水毁修复工程"),
				)),
				para("附件2"),
				para("秀屿区2025年省级第七批水利专项资金绩效目标表"),
				tab(grid(
					line("项目名称", "省级第七批水利专项资金", 8),
					line("主管部门（单位）名称", "秀屿区水利局", 8),
					row("资金情况（万元）", "资金总额", "35", "其中：财政拨款", "35", "其他资金", "0", "<"),
					line("总体目标", "开展2个防洪水利设施水毁修复", 8),
					row("绩效指标", "一级指标", "二级指标", "三级指标", "指标解释", "指标方向", "笏石街道办", "埭头镇"),
					row("^", "成本指标", "经济成本指标", "省级财政专项资金投入成本控制率（%）", "反映省级财政专项资金投入成本控制情况", "≤", "100%", "100%"),
					row("^", "产出指标", "数量指标", "开展修复工程（个）", "反映防洪水利设施水毁修复项目开展情况", "≥", "1", "1"),
					row("^", "^", "质量指标", "已建工程是否存在质量问题", "当年已完工项目是否在检查中发现质量问题", "是/否", "否", "否"),
					row("^", "^", "时效指标", "截至2026年12月底，项目开展率（%）", "反映修复开展情况", "≥", "100%", "100%"),
				)),
			},
			want: map[string]string{
				"projects":        "1",
				"year":            "2025",
				"p1.name":         "省级第七批水利专项资金",
				"p1.budget.total": "35",
				"p1.goal":         "开展2个防洪水利设施水毁修复",
				"p1.indicators":   "4",
				"p1.i1":           "成本指标|经济成本指标|省级财政专项资金投入成本控制率（%）|100%",
				"p1.i1.split":     "≤|100%|",
				"p1.i2":           "产出指标|数量指标|开展修复工程（个）|1",
				"p1.i3":           "产出指标|质量指标|已建工程是否存在质量问题|否",
				"p1.i4":           "产出指标|时效指标|截至2026年12月底，项目开展率（%）|100%",
			},
		},

		// 福建省泉州市安溪县, 2022年省级第七批水利专项资金绩效目标表 (the same
		// template as 03 two years earlier, from another county): no 指标方向
		// column, 指 标 解 释 spaced out, seven value columns headed by
		// village. The page was cut after the first indicator row, so the
		// 绩效指标 cell here spans only the header and that row.
		// Source: http://fjax.gov.cn/zwgk/zdgkxx/sl/slgcjs/202403/t20240304_3010568.htm
		{
			name: "04 福建 安溪 水利专项资金绩效目标表 (seven village columns, no value header)",
			blocks: []extract.Block{
				para("附件2"),
				para("2022年省级第七批水利专项资金绩效目标表"),
				tab(grid(
					line("项目名称", "省级第七批水利专项资金", 12),
					line("主管部门（单位）名称", "安溪县水利局", 12),
					append(row("资金情况（万元）", "资金总额", "100", "其中：财政拨款", "100", "其他资金"), span("", 6)...),
					line("总 体 目 标", "开展7个小型水利工程建设", 12),
					row("绩效\n指标", "一级指标", "二级指标", "三级指标", "指 标 解 释", "西坪镇尧山村", "桃舟乡吾培村", "芦田镇三洋村", "蓬莱镇植洋村", "魁斗镇奇观村", "龙涓乡长塔村", "尚卿乡尤俊村"),
					row("^", "产出\n指标", "数量指标", "开展小型水利工程建设（个）", "反映小型水利工程建设项目开展情况", "1", "1", "1", "1", "1", "1", "1"),
				)),
			},
			want: map[string]string{
				"projects":        "1",
				"year":            "2022",
				"p1.name":         "省级第七批水利专项资金",
				"p1.budget.total": "100",
				"p1.goal":         "开展7个小型水利工程建设",
				"p1.indicators":   "1",
				"p1.i1":           "产出指标|数量指标|开展小型水利工程建设（个）|1",
			},
		},

		// 山东省德州市临邑县师范附属小学, 项目支出目标申报表（2025年度）: a
		// title without 绩效, 项目资金申请（万元） with 资金总额： / 财政拨款：
		// / 其他： as sub-labels, 项目总体情况 as the only goal-like text,
		// headers 一级 | 二级 | 三级 | 年度数值 | 备注, and level names in
		// 值 instead of 指标 (产出值, 数量值, 效益值, 可持续影响值); ASCII <=
		// and = in the values.
		// Source: http://www.linyixian.gov.cn/n30334494/n38447929/n38448474/n74342318/n74348867/n74350511/n74350513/c75276936/content.html
		{
			name: "05 山东 临邑 项目支出目标申报表 (年度数值, 产出值/数量值)",
			blocks: []extract.Block{
				para("项目支出目标申报表"),
				para("（2025年度）"),
				tab(grid(
					line("项目名称", "小学教育公用经费", 5),
					line("项目主管部门", "临邑县师范附属小学", 5),
					row("项目资金申请（万元）", "资金总额：", "438.768", "<", "<"),
					row("^", "财政拨款：", "438.768", "<", "<"),
					row("^", "其他：", "", "<", "<"),
					line("项目总体情况", "根据鲁财科教（2024）67号文件，小学教育公用经费每生每年780元，县级财政负担20%计，主要用于学校教学与管理、校舍维修维护及日常办公等。", 5),
					row("一级", "二级", "三级", "年度数值", "备注"),
					row("产出值", "数量值", "小学就读人数", "<=6962人", ""),
					row("^", "质量值", "教学条件改善、办学水平提高", "=100%", ""),
					row("^", "时效值", "教育均衡化发展", "有效", ""),
					row("^", "成本值", "义务教育小学生均公用经费", "780元/生/年", ""),
					row("效益值", "经济效益值", "经费有效使用情况", "=100%", ""),
					row("^", "社会效益值", "教学质量提高、办学条件改善", "=100%", ""),
					row("^", "生态效益值", "安全情况", "有效", ""),
					row("^", "可持续影响值", "学生受益情况", "=100%", ""),
				)),
			},
			want: map[string]string{
				"projects":        "1",
				"year":            "2025",
				"p1.name":         "小学教育公用经费",
				"p1.budget.total": "438.768",
				"p1.indicators":   "8",
				"p1.i1":           "产出值|数量值|小学就读人数|<=6962人",
				"p1.i4":           "产出值|成本值|义务教育小学生均公用经费|780元/生/年",
				"p1.i8":           "效益值|可持续影响值|学生受益情况|=100%",
			},
		},

		// 陕西省宝鸡市陈仓区, 2020年省级财政水利发展资金绩效目标表 after a
		// 下达 notice: 专项（项目）名称, 市级 / 区级 财政部门 and 主管部门
		// pairs, a funds block whose first row is a header (资金来源 |
		// 资金总额), 三级 names with 指标N： prefixes, and the province's
		// template left half-filled: the values are bare units (公里, 万亩)
		// and `≧ %`. The page was cut after the first 质量指标 row.
		// Source: http://www.chencang.gov.cn/col8173/col8180/col8789/col9203/202005/t20200529_126007.html
		{
			name: "06 陕西 陈仓 省级财政水利发展资金绩效目标表 (指标N：, values left as units)",
			blocks: []extract.Block{
				para("陈仓区水利局："),
				para("……现将2020年省级财政第二批水利发展资金500万元下达给你局，用于我区“十三五”农村饮水安全巩固提升收尾，……"),
				para("附件：2020年省级财政水利发展资金绩效目标表"),
				para("2020年省级财政水利发展资金绩效目标表"),
				para("（2020）年度"),
				tab(grid(
					line("专项（项目）名称", "农村饮水安全巩固提升工程专项", 5),
					row("市级财政部门", "宝鸡市财政局", "<", "市级主管部门", "宝鸡市水利局"),
					row("区级财政部门", "陈仓区财政局", "<", "区级主管部门", "陈仓区水利局"),
					row("资金情况（万元）", "资金来源", "<", "资金总额", "<"),
					row("^", "其中：财政拨款", "<", "500", "<"),
					row("^", "其他资金", "<", "", "<"),
					line("总体目标", "完成省级水利发展农村饮水项目投资500，改善提升9200人饮水条件。", 5),
					row("绩效指标", "一级指标", "二级指标", "三级指标", "指标值"),
					row("^", "产出指标", "数量指标", "指标1：新建堤防、护岸长度", "公里"),
					row("^", "^", "^", "指标2：灌区节水改造面积", "万亩"),
					row("^", "^", "^", "指标3：农村饮水工程覆盖服务人口数", "万人"),
					row("^", "^", "^", "指标4：中小河流治理问道长度", "公里"),
					row("^", "^", "质量指标", "指标1：工程验收合格率", "≧ %"),
				)),
			},
			want: map[string]string{
				"projects":      "1",
				"year":          "2020",
				"p1.name":       "农村饮水安全巩固提升工程专项",
				"p1.goal":       "完成省级水利发展农村饮水项目投资500，改善提升9200人饮水条件。",
				"p1.indicators": "5",
				"p1.i1":         "产出指标|数量指标|指标1：新建堤防、护岸长度|公里",
				"p1.i3":         "产出指标|数量指标|指标3：农村饮水工程覆盖服务人口数|万人",
				"p1.i5":         "产出指标|质量指标|指标1：工程验收合格率|≧ %",
			},
		},

		// 湖南省衡阳市南岳区乡村振兴局, 雨露计划绩效目标申报表（2023年度）
		// (published with the district's budget): the title, year and 填报单位
		// as rows inside the table, a 专项基本情况 block of 专项名称 /
		// 专项属性 / 专项起止时间 / 专项负责人 / 专项概况, a 专项资金情况 grid
		// with a two-row header (本年度预计投入（万元） | 财政资金（万元） over
		// 中央 / 省级 / 市级资金 / 本级 | 其他) and one row of numbers,
		// 中长期绩效目标 and 本年度绩效目标 each a label over two rows of
		// numbered lines, the indicator label 专项年度绩效指标, headers
		// 三级指标内容 and 指标值及单位, ASCII >=. The page was cut at the
		// 成本指标 row; the long 中长期 text is shortened.
		// Source: https://www.nanyue.gov.cn/nyczj/czysgk/2019njyhndyjs/nyqyg/nyncj/20231227/i3224710.html
		{
			name: "07 湖南 南岳 雨露计划绩效目标申报表 (专项资金情况 grid, goal over two rows)",
			blocks: []extract.Block{
				tab(grid(
					span("雨露计划绩效目标申报表", 7),
					span("（2023年度）", 7),
					span("填报单位（盖章）：          单位负责人：谭呈祥", 7),
					append([]string{"专项基本情况", "专项名称"}, span("2023年雨露计划就学补助项目", 5)...),
					append([]string{"^", "专项属性"}, span("新增项目□ 延续项目R", 5)...),
					row("^", "主管部门", "南岳区乡村振兴局", "<", "专项起止时间", "2023年1月至12月", "<"),
					row("^", "专项负责人", "欧阳光", "<", "联系人及电话", "18073426859", "<"),
					append([]string{"^", "专项概况"}, span("对就读职业技术学校的脱贫户或监测户子女发放就学补助", 5)...),
					append([]string{"^", "专项立项\n依据"}, span("", 5)...),
					append(append([]string{"专项资金情况", "本年度预计投入（万元）"}, span("财政资金（万元）", 4)...), "其他"),
					row("^", "^", "中央", "省级", "市级资金", "本级", "^"),
					row("^", "7", "0", "7", "0", "0", "0"),
					append(span("单位已有的保证专项实施的制度、措施", 2), span("对就读职业技术学校的脱贫户或监测户子女发放就学补助", 5)...),
					append(span("中长期绩效\n目标", 2), span("1.就读中等职业学校……已注册普通全日制正式学籍的本省脱贫家庭子女（含监测帮扶对象家庭）。……辍学、休学和保留学籍学生不纳入扶持范围。", 5)...),
					append([]string{"^", "<"}, span("2.补助标准。在享受国家职业教育资助政策基础上，叠加给予助学补助，全省统一补助标准为：每生 1500 元/学期。", 5)...),
					append(span("本年度绩效\n目标", 2), span("1.对提供就读学籍证明的学生了放就学补助；", 5)...),
					append([]string{"^", "<"}, span("2.补助标准为：每生 1500 元/学期。", 5)...),
					append(append(row("专项年度绩效指标", "一级指标", "二级指标"), span("三级指标内容", 2)...), span("指标值及单位", 2)...),
					append(append(row("^", "产出\n指标", "数量指标"), span("年度申请就学补助户数", 2)...), span(">=101人/次", 2)...),
					append(append(row("^", "^", "质量指标"), span("逾期发放率", 2)...), span(">=100%", 2)...),
					append(append(row("^", "^", "时效指标"), span("就学补助及时发放率", 2)...), span(">=100%", 2)...),
				)),
			},
			want: map[string]string{
				"projects":         "1",
				"year":             "2023",
				"p1.name":          "2023年雨露计划就学补助项目",
				"p1.budget.total":  "7",
				"p1.goal":          "1.对提供就读学籍证明的学生了放就学补助；2.补助标准为：每生 1500 元/学期。",
				"p1.mid_term_goal": "1.就读中等职业学校……已注册普通全日制正式学籍的本省脱贫家庭子女（含监测帮扶对象家庭）。……辍学、休学和保留学籍学生不纳入扶持范围。2.补助标准。在享受国家职业教育资助政策基础上，叠加给予助学补助，全省统一补助标准为：每生 1500 元/学期。",
				"p1.department":    "|南岳区乡村振兴局",
				"p1.indicators":    "3",
				"p1.i1":            "产出指标|数量指标|年度申请就学补助户数|>=101人/次",
				"p1.i2":            "产出指标|质量指标|逾期发放率|>=100%",
				"p1.i3":            "产出指标|时效指标|就学补助及时发放率|>=100%",
			},
		},

		// 河北省邢台市宁晋县教育局, 2019年度宁晋县高中助学金项目绩效评价指标表
		// (published with the 决算): a target table titled 绩效评价指标表,
		// the project named only by the title, columns 评价指标 | 评价内容 |
		// 指标名称 | 指标说明 | 目标值 | 分值 | 备注, one 评价指标 cell
		// (项目年度绩效目标（定量指标）) merged down every row, level names
		// joined (产出数量指标), a first row with no target value, a 总分
		// row. Level columns are read one way or another; the test asks
		// names, values and weights.
		// Source: https://www.ningjin.gov.cn/content/26279.html
		{
			name: "08 河北 宁晋 项目绩效评价指标表 (评价内容 | 指标名称 | 指标说明 | 目标值 | 分值)",
			blocks: []extract.Block{
				para("2019年度宁晋县高中助学金项目绩效评价指标表"),
				tab(grid(
					row("评价指标", "评价内容", "指标名称", "指标说明", "目标值", "分值", "备注"),
					row("项目年度绩效目标（定量指标）", "制度指标", "规章制度建立与否", "", "", "20", ""),
					row("^", "产出数量指标", "享受资助人数", "达到预计值", "2100", "10", ""),
					row("^", "^", "资金支出率", "达到目标值", "95%", "10", ""),
					row("^", "质量指标", "建档立卡学生", "全面覆盖", "100%", "10", ""),
					row("^", "^", "资助对象满意度", "达到目标值", "95%以上", "10", ""),
					row("^", "时效指标", "及时发放率", "达到目标值", "100%", "20", ""),
					row("^", "成本指标", "资助标准达标率", "", "100%", "20", ""),
					append(span("总分", 5), "100", ""),
				)),
			},
			want: map[string]string{
				"projects":      "1",
				"year":          "2019",
				"p1.name":       "宁晋县高中助学金项目",
				"p1.indicators": "7",
				"p1.i1.l3v":     "规章制度建立与否|",
				"p1.i1.weight":  "20",
				"p1.i2.l3v":     "享受资助人数|2100",
				"p1.i2.weight":  "10",
				"p1.i5.l3v":     "资助对象满意度|95%以上",
				"p1.i7.l3v":     "资助标准达标率|100%",
				"p1.i7.weight":  "20",
				"p1.i3.l3v":     "资金支出率|95%",
				"p1.i4.l3v":     "建档立卡学生|100%",
				"p1.i6.l3v":     "及时发放率|100%",
				"p1.i6.weight":  "20",
			},
		},

		// 宁夏回族自治区固原市原州区, 马铃薯种薯繁育项目绩效目标自评表（2022年度）
		// (a scan stored as OCR text): 项目总得分99分 above the table, the
		// label 项目实施单位/项目负责人 holding two values in one cell,
		// 自治区主管部门 / 专项实施期 / 市县财政部门 / 市县主管部门, scores
		// in the 一级 cells, 分值 before 年度指标值 | 全年实际值 | 得分 |
		// 未完成原因及改进措施, 指标N prefixes. The 项目名称 cell is garbled
		// by the OCR, so the fixture writes the title's wording there and
		// the test does not ask the name; the funds rows are garbled too
		// and left out, and so are the indicator rows whose values the OCR
		// garbled (指标3 of 数量, 质量, 时效, 经济效益, 社会效益, 满意度).
		// Source: https://www.bigxun.com/view/1651813082920488962
		{
			name: "09 宁夏 原州 绩效目标自评表 (项目总得分, 分值 before the values, a deviation text)",
			blocks: []extract.Block{
				para("马铃薯冲薯繁育示范推广项目绩效目标自评表"),
				para("（2022年度）"),
				para("项目总得分99分"),
				tab(grid(
					append(append([]string{"项目名称"}, span("马铃薯冲薯繁育示范推广项目", 3)...), append([]string{"项目实施单位/项目负责人"}, span("原州区农技中心/杨勃兴", 4)...)...),
					append(append([]string{"自治区主管部门"}, span("农业农村厅", 3)...), append([]string{"专项实施期"}, span("2022年3月-2022年11月", 4)...)...),
					append(append([]string{"市县财政部门"}, span("原州区财政局", 3)...), append([]string{"市县主管部门"}, span("原州区农业农村局", 4)...)...),
					line("年度总体目标", "一是通过政府招标采购方式，采购马铃薯原原种425万粒，免费向全区农户、种植大户、合作社和企业发放，完成马铃薯原种繁育田850亩；二是企业自行采购马铃薯原原种200万粒，建成原种基地400亩，共计建成原种繁育基地1250亩，平均亩产马铃薯原种2500公斤", 9),
					row("绩效指标", "一级指标", "二级指标", "三级指标", "分值", "年度指标值", "全年实际值", "得分", "未完成原因及改进措施"),
					row("^", "产出指标（40分）", "数量指标", "指标1：免费发放原原种", "8", "550万粒", "550万粒", "8", ""),
					row("^", "^", "^", "指标2：企业自行采购", "8", "200万粒", "200万粒", "8", ""),
					row("^", "^", "成本指标", "指标1：种薯采购价格不高于市场价", "8", "是", "是", "8", ""),
					row("^", "效益指标（40分）", "生态效益指标", "指标1：病害减少，防治病虫害使用的化学农药量较上年减少", "8", "2%", "2%", "8", ""),
					row("^", "^", "可持续影响指标", "持续完善马铃薯种薯繁育体系，保障脱毒马铃薯种薯供应，促进主食化产业衔接", "8", "是", "基本达到", "7", "加强技术指导，加大宣传力度；加大项目支持力度"),
				)),
			},
			want: map[string]string{
				"kind":            "self_evaluation",
				"year":            "2022",
				"projects":        "1",
				"p1.goal":         "一是通过政府招标采购方式，采购马铃薯原原种425万粒，免费向全区农户、种植大户、合作社和企业发放，完成马铃薯原种繁育田850亩；二是企业自行采购马铃薯原原种200万粒，建成原种基地400亩，共计建成原种繁育基地1250亩，平均亩产马铃薯原种2500公斤",
				"p1.indicators":   "5",
				"p1.i1":           "产出指标（40分）|数量指标|指标1：免费发放原原种|550万粒",
				"p1.i1.weight":    "8",
				"p1.i1.actual":    "550万粒",
				"p1.i1.score":     "8",
				"p1.i3":           "产出指标（40分）|成本指标|指标1：种薯采购价格不高于市场价|是",
				"p1.i4":           "效益指标（40分）|生态效益指标|指标1：病害减少，防治病虫害使用的化学农药量较上年减少|2%",
				"p1.i5":           "效益指标（40分）|可持续影响指标|持续完善马铃薯种薯繁育体系，保障脱毒马铃薯种薯供应，促进主食化产业衔接|是",
				"p1.i5.actual":    "基本达到",
				"p1.i5.score":     "7",
				"p1.i5.deviation": "加强技术指导，加大宣传力度；加大项目支持力度",
			},
		},

		// 财政支出绩效目标申报表（2021年度） of an Excel template saved as a
		// web page (gxglmes.com, the province not stated): the project
		// fields left blank with (450字内) qualifiers in every label, the
		// funds split by budget kind (一般公共预算拨款 … 上年结余收入), and
		// an indicator table 项目年度绩效目标衡量指标 | 一级指标 | 二级指标 |
		// 分值 | 指标内容（150字内） | 指标值（150字内） | 评分细则（150字内）
		// pre-filled with 投入指标 / 过程指标 rows: the indicator's name under
		// 二级指标 and no 三级 column, 指标内容 holding a formula or a
		// question (read here as the description, not the name). The page
		// was cut inside the fourth row; the fixture stops before it.
		// Source: http://gxglmes.com/templets/default/2021yusuan/sqb.files/sheet001.htm
		{
			name: "10 财政支出绩效目标申报表 2021 (投入指标/过程指标, 分值, 评分细则, no 三级 column)",
			blocks: []extract.Block{
				tab(grid(
					span("财政支出绩效目标申报表", 7),
					span("（2021年度）", 7),
					span("填报单位：", 7),
					row("项目名称", "", "<", "项目类型", "", "<", "<"),
					row("主管部门编码", "", "<", "主管部门名称", "", "<", "<"),
					row("项目实施单位", "", "项目负责人", "", "联系电话", "", "<"),
					row("项目起止时间（如20190101）", "", "<", "到", "", "<", "<"),
					row("项目资金申请（万元）", "资金总额：", "", "<", "<", "<", "<"),
					row("^", "一般公共预算拨款：", "", "<", "<", "<", "<"),
					row("^", "政府性基金预算拨款：", "", "<", "<", "<", "<"),
					row("^", "上年结余收入：", "", "<", "<", "<", "<"),
					line("单位职能概述（450字内）", "", 7),
					line("项目概况（450字内）", "", 7),
					row("项目绩效目标", "长期目标（450字内）", "<", "<", "年度目标（450字内）", "<", "<"),
					row("^", "", "<", "<", "", "<", "<"),
					row("项目年度绩效目标衡量指标", "一级指标", "二级指标", "分值", "指标内容（150字内）", "指标值（150字内）", "评分细则（150字内）"),
					row("^", "投入指标", "资金到位率", "5", "资金到位率=（实际到位资金/计划投入资金）×100%。", "资金到位率达100%", "到位率100%得5分，每少10个百分点以内扣1分，扣完为止。"),
					row("^", "^", "预算支出进度", "15", "预算支出进度是否达到90%以上。", "预算支出进度达到90%以上", "预算支出进度达到90%以上（含90%）得15分，每少1个百分点扣1分，扣完为止。"),
					row("^", "过程指标", "项目资金专项核算", "5", "专项资金是否按《行政单位财务规则》和《事业单位财务规则》专款专用，专项核算。", "专项资金必须按《行政单位财务规则》和《事业单位财务规则》专款专用，专项核算", "专项资金按《行政单位财务规则》和《事业单位财务规则》专款专用得2分，专项核算得3分，否则0分。"),
				)),
			},
			want: map[string]string{
				"projects":      "1",
				"year":          "2021",
				"p1.indicators": "3",
				"p1.i1.l3v":     "资金到位率|资金到位率达100%",
				"p1.i1.weight":  "5",
				"p1.i2.l3v":     "预算支出进度|预算支出进度达到90%以上",
				"p1.i2.weight":  "15",
				"p1.i3.l3v":     "项目资金专项核算|专项资金必须按《行政单位财务规则》和《事业单位财务规则》专款专用，专项核算",
			},
		},
	}
}
