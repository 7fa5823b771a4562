package normalize

import "strings"

// refWords name the quantities a value may be compared with, longest first
// within each reference.
var refWords = newLexiconMap(map[string]string{
	"预算数": "budget", "预算资金": "budget", "预算支出": "budget", "预算金额": "budget", "预算额": "budget",
	"预算": "budget", "年初预算": "budget", "批复预算": "budget", "项目预算": "budget", "预算标准": "budget",
	"上年": "last_year", "去年": "last_year", "上一年": "last_year", "上年度": "last_year", "上年同期": "last_year",
	"同期": "last_year", "往年": "last_year", "上一年度": "last_year", "同比": "last_year", "上年度同期": "last_year",
	"计划数": "plan", "计划值": "plan", "计划目标": "plan", "计划任务": "plan", "计划": "plan",
	"合同金额": "contract", "合同价": "contract", "合同": "contract",
	"政府采购价格": "procurement_price", "政府采购标准": "procurement_price", "政府采购": "procurement_price",
	"市场价格": "market_price", "市场价": "market_price",
	"标准": "standard", "规定标准": "standard", "定额标准": "standard",
})

// refOps are comparisons written in front of a reference (≤预算数,
// 小于预算, 不超预算), with the ones that say the reference holds the value
// (控制在预算内).
var refOps = newLexiconMap(map[string]string{
	"≤": "<=", "<=": "<=", "小于等于": "<=", "小于或等于": "<=", "不超过": "<=", "不超": "<=", "不高于": "<=",
	"不大于": "<=", "不突破": "<=", "不超出": "<=", "低于或等于": "<=", "控制在": "<=", "在": "<=", "不得超过": "<=",
	"<": "<", "小于": "<", "低于": "<", "少于": "<",
	"≥": ">=", ">=": ">=", "大于等于": ">=", "不低于": ">=", "不少于": ">=", "达到": ">=", "高于或等于": ">=",
	">": ">", "大于": ">", "高于": ">", "超过": ">", "多于": ">",
	"=": "=", "等于": "=", "与": "=", "同": "=", "按照": "<=", "参照": "<=",
})

// trendOps compare with a reference after it: 较上年有所提高, 与上年持平.
var trendOps = newLexiconMap(map[string]string{
	"提高": ">", "增长": ">", "增加": ">", "上升": ">", "提升": ">", "有所提高": ">", "有所提升": ">",
	"有所增长": ">", "有所增加": ">", "下降": "<", "减少": "<", "降低": "<", "有所下降": "<", "有所减少": "<",
	"有所降低": "<", "持平": "=", "相当": "=", "一致": "=",
	"内": "<=", "以内": "<=", "之内": "<=", "范围内": "<=", "以下": "<=", "控制": "<=", "成本控制": "<=",
	"价格控制": "<=", "标准控制": "<=",
})

// reference reads c (compacted folded runes) as a comparison with another
// quantity: 小于预算 → < budget, 控制在预算内 → <= budget, 不低于上年 →
// >= last_year, 实际支出100%小于等于预算支出 → <= budget. s is the folded
// text, for whole-word checks.
func reference(c []rune, s string) (Target, bool) {
	if strings.Contains(s, "不超支") || s == "无超支" {
		return Target{Kind: Reference, Op: "<=", Ref: "budget"}, true
	}
	for i := 0; i < len(c); i++ {
		w, e := refWords.at(c, i)
		if w == "" {
			continue
		}
		ref := refWords.value[w]
		// An op word right before the reference.
		op := ""
		for k := max(0, i-6); k < i; k++ {
			if ow, oe := refOps.at(c, k); ow != "" && oe == i {
				op = refOps.value[ow]
				break
			}
		}
		// Or a trend or containment word right after it (以内, 有所提高).
		after := ""
		k := e
		if at(c, k) == '的' || at(c, k) == '范' {
			k2 := k
			if at(c, k) == '的' {
				k2++
			}
			if hasPrefixAt(c, k2, "范围") {
				k = k2
			}
		}
		trend := false
		if at(c, k) == '有' && at(c, k+1) != '所' {
			k++ // 较上年有提高
		}
		if tw, te := trendOps.at(c, k); tw != "" {
			after = trendOps.value[tw]
			e = te
			trend = ref == "last_year" && (after == ">" || after == "<")
		}
		if op == "" && after == "" {
			continue
		}
		if op == "" || op == "<=" && after == "<=" {
			op = after
		}
		if (ref == "plan" || ref == "standard" || ref == "contract") && op == "" {
			continue
		}
		// Nothing but words may follow; a reference in a longer sentence
		// with its own numbers is read elsewhere.
		rest := c[e:]
		for _, ch := range rest {
			if isDigit(ch) && !trend { // 较上年提高5%: the change is its delta
				return Target{}, false
			}
		}
		if len(rest) > 8 && !trend {
			return Target{}, false
		}
		t := Target{Kind: Reference, Op: op, Ref: ref}
		if trend {
			t.Delta = deltaAt(c, e)
		}
		return t, true
	}
	return Target{}, false
}

// deltaAt reads the change a trend word is followed by: 提高10% → 10 %,
// 增长5个百分点, 下降不超过3% → 3 % with op <=, 提高10%以上 → op >=.
// It is nil when no number follows.
func deltaAt(c []rune, i int) *Delta {
	if at(c, i) == '了' {
		i++
	}
	pr := newPhraseReader(c, nil)
	p, ok := pr.at(i)
	if !ok || p.val.IsNegative() || p.val.IsZero() {
		return nil
	}
	d := &Delta{Value: p.val, Unit: p.unit}
	if p.explicit && p.op != "=" {
		d.Op = p.op
	}
	return d
}
