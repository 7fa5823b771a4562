// Package normalize turns indicator values as written (≥90百分比, 不低于95%,
// 2025年12月底前, 控制在预算内) into structured targets, mines targets out of
// prose, reads Chinese numerals, and cleans text.
//
// # Model
//
// A [Target] is the reading of one value, of one [Kind]: numeric (an
// operator, an exact decimal, a unit as written, "%" for every percentage
// form), range, reference (compared with the budget, last year, the plan
// …), deadline (the ISO date that ends the period named), qualitative (a
// level such as 好, or a statement), period (a stretch of time, from its
// first day to its last) or unparsed. A numeric or range target in a scaled
// unit (10 万人次, 50 万元) carries its [Base] in the unscaled unit, so that
// values compare across reports; a reference may carry the [Delta] it asks
// for (较上年提高10%), any target a bracketed Note (100%（合格率）).
// [Target.Chinese] and [Target.String] are its two renderings. [Value] reads one table
// cell, [Split] the three cells of the split layout (指标性质 | 指标值 |
// 度量单位); both always return a Target and never panic. [Scan] finds the
// targets written into prose (服务对象满意度90%以上) with the name of the
// indicator in front of each; [Quantities] finds the value phrases alone and
// [Numbers] the plain numbers, as number recognizers do. [ParseChineseNumber]
// reads one whole Chinese numeral, in cn2an's strict or normal mode.
// [Fold] applies report/v1's white-space rule for text fields; [Clean] also
// folds full-width forms and drops stray brackets, reporting each change.
//
// Reading works on a folded copy of the text, one rune for each rune of the
// original (full-width forms to ASCII, traditional numeral characters to
// simplified, ≧ to ≥), so that every offset found maps back to the text as
// written. Values are decimals from the digits as written: 4.17 stays 4.17.
//
// 以上, 以下 and 以内 include their number (90%以上 → >= 90 %), as Chinese
// legal and budget usage reads them. 达到 and 达 read as >=. A bare number
// reads as = (100% → = 100 %): whether a reviewer should read it as ≥ depends
// on the indicator, which is the rules' business.
//
// Names in prose are found by rule, not by word segmentation: a segmenter
// such as gojieba (cgo, 130 MB and 0.6 s to load its dictionaries, found
// through the module source path) buys nothing the fixtures need, so the
// package has no such dependency.
//
// BUG(normalize): Value reads what the cell says and nothing else: a bare 0
// on a 发生率 row is = 0 with no unit, not 0 %, and 620万/月 keeps the unit
// 万/月 rather than being completed to 万元/月.
//
// BUG(normalize): A date without a year and with no Context.Year is written
// --MM-DD (ISO 8601 without the year), and February then ends on the 28th.
//
// BUG(normalize): Scan finds names by walking back from a value to a clause
// boundary and dropping the verbs and places that open a clause (保持, 确保,
// 管辖区内) from a fixed list; a clause that opens with another verb keeps it
// in the name (新建公厕3座 → 新建公厕). A percentage counts only after a name
// ending like a measure (率, 度, 比例 …); a count that qualifies a noun
// (完成3个项目建设) or a one-character Chinese numeral without a comparison
// word (一次培训) is not a target.
//
// BUG(normalize): Scan does not report deadlines written in prose
// (2025年底前完成验收); dates there are stepped over.
//
// BUG(normalize): A reference keeps a number given with it only as the
// change after a trend word (较上年提高5% → delta 5 %); 实际支出100%小于等于
// 预算支出 reads as <= budget and the 100% is dropped.
//
// BUG(normalize): A value inside a sentence is its first quantity with a
// unit or a percentage (带动当地20名群众务工增收5000元/年 → 20 名); which of
// several a reviewer means is not known.
//
// BUG(normalize): Approximate digit strings (二三十, 三五个) are not numbers;
// 十多, 五百余 read as > the number, marked approx.
//
// BUG(normalize): 兆 is 10^12, as in modern usage and Recognizers-Text, not
// 10^6.
package normalize
