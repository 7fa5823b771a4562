// Package output renders what the other stages produce for the people who
// read it: query tables (corpus.Table) as aligned text, CSV, JSON and
// XLSX, a read-only SQL result as its rows arrive (ResultWriter), a checked
// report as a Chinese summary with its findings (WriteSummary), and the
// send-back workbook and Word letter a clerk mails to a department
// (SendBack). The command line and the web both write through it; corpus
// keeps storage and queries and returns data, never bytes.
//
// Output for spreadsheets is guarded and bounded. Text cells a
// spreadsheet would read as a formula (= + - @, a tab or a carriage
// return first) are written as text: quoted with ' in CSV, and with the
// Text format and quote prefix in XLSX. Workbooks are streamed through
// excelize's StreamWriter and compressed straight into the writer, so
// their memory stays bounded whatever the number of rows. A ResultWriter
// writes CSV and JSON row by row as the query yields them; the formats
// that need every row first (the aligned table and a sheet) keep at most
// MaxTableRows and MaxSheetRows.
//
// The Word letter is written with github.com/fumiama/go-docx, which is
// AGPL-3.0 (see README, 许可).
package output
